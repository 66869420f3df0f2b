module test.example/sys

go 1.21

require (
	golang.org/x/text v0.2.0
	golang.org/x/text v0.3.1
)
