module test.example/sierra

go 1.23.4

require (
	github.com/Zeta/xray v0.2.0
	github.com/Zeta/zulu/golf v2.3.1+incompatible
)
