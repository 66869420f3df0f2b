module example.com/ws1

go 1.23

require (
	github.com/Zeta/kilo/sql v1.2.3-rc.1.0.20190612005421-0285d856fd51
	example.com/charlie v1.1.0
	github.com/Zeta/errors/romeo v0.3.0-0.3
)

replace gopkg.in/sierra.v3 => github.com/Zeta/fork-uniform v0.1.0
