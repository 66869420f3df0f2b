module test.example/log

go 1.25

require (
	github.com/Zeta/xray v2.3.2+incompatible
)
