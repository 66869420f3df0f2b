module github.com/acme/echo/json

go 1.23

require (
	github.com/acme/tango v1.0.2
	example.org/lima/lima v0.4.1
	example.org/charlie v0.0.0-20181020001946-471292c1f163
	example.com/sql v1.4.0
)
