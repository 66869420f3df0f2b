module example.org/kilo

go 1.25.0

toolchain go1.24.2

require (
	gopkg.in/core.v3 v3.2.3-rc.1
	test.example/kilo/text v1.4.0
)
