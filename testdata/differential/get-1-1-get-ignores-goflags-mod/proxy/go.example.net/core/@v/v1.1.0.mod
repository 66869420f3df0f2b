module go.example.net/core

go 1.22

require (
	github.com/Zeta/yaml v1.1.3
	github.com/acme/lima v0.2.2
	example.org/util v1.0.1
	golang.org/x/crypto v1.2.3
)
