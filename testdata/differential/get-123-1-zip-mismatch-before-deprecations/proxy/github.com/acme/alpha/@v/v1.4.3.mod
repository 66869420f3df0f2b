module github.com/acme/alpha

go 1.13

toolchain go1.25.1

require (
	github.com/Zeta/json v1.0.1
)

tool example.com/tool
