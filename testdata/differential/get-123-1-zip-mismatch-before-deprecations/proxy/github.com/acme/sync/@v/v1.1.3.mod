module github.com/acme/sync

go 1.14

require (
	example.com/core v1.3.1
	gopkg.in/tango.v2 v2.2.0
)
