module example.com/vicTor

go 1.19

require (
	test.example/sync/victor v0.3.1
	example.org/victor/sql v1.2.3-alpha.0.20180315031313-57b7b3918b20
)
