module example.com/util/net

go 1.21

toolchain go1.21.0

require (
	golang.org/x/lib v0.4.1
	go.example.net/sql/echo/v4 v4.0.2
	golang.org/x/tango/echo v1.0.1
)
