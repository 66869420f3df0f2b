module github.com/Zeta/yaml

go 1.25

require (
	golang.org/x/oscar v1.1.2
	example.org/net/oscar v4.3.0+incompatible
)

godebug default=go1.21
