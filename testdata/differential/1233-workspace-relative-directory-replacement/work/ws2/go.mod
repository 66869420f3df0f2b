module example.com/ws2

go 1.26.1

require (
	github.com/Zeta/yaml v0.1.3
	test.example/unifOrm v1.1.2
)
