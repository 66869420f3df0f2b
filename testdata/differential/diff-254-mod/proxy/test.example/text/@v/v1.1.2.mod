module test.example/text

go 1.23

require (
	example.com/charlie/json v1.3.1
)
