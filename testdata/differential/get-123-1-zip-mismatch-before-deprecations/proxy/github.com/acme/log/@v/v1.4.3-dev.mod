module github.com/acme/log

go 1.16

require (
	gopkg.in/tango.v2 v2.2.0
	example.com/json/victor v1.3.1
	github.com/Zeta/xray/yaml v0.3.0
	example.org/sys v1.3.2
)
