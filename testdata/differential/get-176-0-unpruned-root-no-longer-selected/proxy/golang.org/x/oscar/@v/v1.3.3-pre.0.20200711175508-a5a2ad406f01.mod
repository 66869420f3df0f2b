module golang.org/x/oscar

go 1.21.0

require (
	test.example/sierra v0.2.1
	example.org/charlie v0.0.0-20181020001946-471292c1f163
)
