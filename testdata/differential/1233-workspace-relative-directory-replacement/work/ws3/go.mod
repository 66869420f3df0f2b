module example.com/ws3

go 1.23.4

require (
	github.com/acme/util v1.4.1
	test.example/unifOrm v1.1.2
)
