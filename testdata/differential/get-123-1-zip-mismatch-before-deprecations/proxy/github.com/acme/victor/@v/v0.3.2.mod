module github.com/acme/victor

go 1.17

toolchain go1.23.0

require (
	github.com/Zeta/xray/yaml v4.1.1+incompatible
	go.example.net/lib v2.3.3+incompatible
)
