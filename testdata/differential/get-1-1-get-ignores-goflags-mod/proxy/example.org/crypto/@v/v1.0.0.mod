module example.org/crypto

go 1.23

require (
	example.org/foxtrot/alpha v1.4.2
	github.com/acme/papa/november v1.3.2
	golang.org/x/alpha/delta v1.0.3
)
