module github.com/acme/term

go 1.27

require (
	github.com/Zeta/foxtrot/uniform v1.3.0
	github.com/Zeta/foxtrot/uniform v1.3.0
)
