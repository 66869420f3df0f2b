module golang.org/x/oscar

go 1.21rc1

require (
	example.com/sql v1.0.1
	golang.org/x/kilo v1.2.0
	golang.org/x/kilo v1.4.2
	example.org/charlie v0.0.0-20181020001946-471292c1f163
)
