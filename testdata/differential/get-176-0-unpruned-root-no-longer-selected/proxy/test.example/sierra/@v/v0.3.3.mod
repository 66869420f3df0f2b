module test.example/sierra

go 1.20

require (
	github.com/Zeta/xray v2.3.2+incompatible
)
