module example.com/json/lima

go 1.16

require (
	test.example/sierra v0.0.0-20211115130644-5e6704e59c2c
)
