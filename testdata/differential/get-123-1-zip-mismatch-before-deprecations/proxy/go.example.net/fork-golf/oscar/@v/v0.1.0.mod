module github.com/Zeta/sys/oscar

go 1.20

require (
	test.example/whiskey v0.3.1
)
