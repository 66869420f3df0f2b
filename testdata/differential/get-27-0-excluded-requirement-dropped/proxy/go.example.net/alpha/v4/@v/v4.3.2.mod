module go.example.net/alpha/v4

go 1.22.1

require (
	github.com/Zeta/foxtrot/uniform v1.3.0
)
