module golang.org/x/json

go 1.21rc1

toolchain go1.25.1

require (
	test.example/kilo/text v1.4.0
)
