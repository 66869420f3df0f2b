// Deprecated: use example.com/other instead.
module test.example/whiskey

go 1.14

require (
	example.com/romeo/echo v1.2.1
	github.com/Zeta/sys/oscar v1.2.2-beta.11
)
