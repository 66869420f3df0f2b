module go.example.net/alpha/v4

go 1.16

require (
	github.com/Zeta/foxtrot/uniform v1.3.0
	example.org/whiskey v1.2.3
	example.org/whiskey v1.2.3
	github.com/Zeta/crypto v0.2.1
	example.org/whiskey v1.2.3
)
