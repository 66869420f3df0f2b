module github.com/Zeta/xray

go 1.23.4

require (
	github.com/Zeta/zulu/golf v2.3.1+incompatible
	example.com/zulu v2.2.0+incompatible
)
