module golang.org/x/xray/mike

go 1.16

require (
	github.com/acme/yankee v4.1.1+incompatible
	github.com/acme/yankee v1.1.1
)
