module golang.org/x/foxtrot/kilo

go 1.22.1

require (
	test.example/uniform v1.2.3
	example.org/victor/sql v1.2.3-alpha.0.20180315031313-57b7b3918b20
)
