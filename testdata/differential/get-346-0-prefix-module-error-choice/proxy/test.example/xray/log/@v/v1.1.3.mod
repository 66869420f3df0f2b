module test.example/xray/log

go 1.23

require (
	github.com/Zeta/alpha/echo v1.2.1
)
