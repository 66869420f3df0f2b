module github.com/acme/hotel

go 1.24.2

require (
	example.org/errors v4.0.0+incompatible
	test.example/sierra v0.0.0-20211115130644-5e6704e59c2c
)
