module github.com/acme/term

require (
	github.com/Zeta/foxtrot/uniform v1.3.0
	github.com/Zeta/foxtrot/uniform v1.3.0
)
