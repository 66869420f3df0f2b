module example.org/whiskey

require (
	github.com/Zeta/foxtrot/uniform v1.3.0
	github.com/acme/term v0.2.0
	github.com/acme/term v0.2.0
	github.com/acme/term v0.2.0
)
