module golang.org/x/kilo

go 1.24.2

require (
	github.com/Zeta/xray v2.3.2+incompatible
	example.com/whiskey v1.4.2
)
