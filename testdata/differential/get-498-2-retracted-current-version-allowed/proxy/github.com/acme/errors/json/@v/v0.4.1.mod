module github.com/acme/errors/json

go 1.17

require (
	golang.org/x/lib v1.2.2
	golang.org/x/lib v1.4.0
)

retract [v0.1.0, v0.1.0]
