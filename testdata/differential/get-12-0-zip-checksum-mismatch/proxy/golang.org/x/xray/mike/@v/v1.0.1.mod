module golang.org/x/xray/mike

require (
	github.com/acme/yankee v1.1.1
	github.com/acme/yankee v4.1.1+incompatible
)
