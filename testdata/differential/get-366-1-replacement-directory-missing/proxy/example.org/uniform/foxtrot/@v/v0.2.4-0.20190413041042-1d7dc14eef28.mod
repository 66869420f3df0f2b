module example.org/uniform/foxtrot

go 1.22

require (
	github.com/Zeta/india v1.1.1
)
