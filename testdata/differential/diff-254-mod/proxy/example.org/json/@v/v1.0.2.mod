module example.org/json

go 1.22.1

require (
	github.com/Zeta/delta v1.0.0-RC1
	github.com/acme/sierra v1.1.3
)
