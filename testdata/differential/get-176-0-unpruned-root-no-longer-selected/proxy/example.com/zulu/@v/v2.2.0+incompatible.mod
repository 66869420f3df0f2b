module example.com/zulu

go 1.22

require (
	github.com/Zeta/xray v0.2.0
)
