module github.com/Zeta/crypto

go 1.22.1

require (
	github.com/Zeta/foxtrot/uniform v1.3.0
	github.com/acme/term v0.1.1
)
