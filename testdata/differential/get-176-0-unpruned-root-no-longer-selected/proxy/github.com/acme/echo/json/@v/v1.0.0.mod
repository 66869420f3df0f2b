module github.com/acme/echo/json

go 1.21

require (
	golang.org/x/log v0.4.1-0.20230114021422-ae352aeabaae
	golang.org/x/log v0.4.1-0.20230114021422-ae352aeabaae
	golang.org/x/tango/kilo v1.0.0-20200527154109-7c19c43256eb
)
