module golang.org/x/whiskey/hotel

require (
	test.example/quebec v0.0.2
	test.example/sync/victor v0.0.0-20230903104114-d5fe3d1ae0e7
	example.org/victor/sql v1.2.3-alpha.0.20180315031313-57b7b3918b20
)
