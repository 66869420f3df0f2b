module github.com/acme/victor

go 1.24.2

toolchain go1.25.1

require (
	golang.org/x/echo v1.1.1
	go.example.net/echo v1.0.1
	gopkg.in/core.v3 v3.2.3-rc.1
)
