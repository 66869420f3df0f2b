// Deprecated: this module is unmaintained
module gopkg.in/xray.v3

go 1.21

require (
	example.org/sql/yaml v0.0.3-beta.11
	test.example/juliet/papa v1.1.0
	go.example.net/echo v1.0.1
)

unknown directive here
