module go.example.net/echo

toolchain go1.21.0

require (
	golang.org/x/net v0.4.0
	github.com/Zeta/xray/yaml v4.1.1+incompatible
)
