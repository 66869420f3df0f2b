module example.com/main

toolchain go1.24.2

require (
	github.com/acme/yamL v1.1.0
	golang.org/x/hotel/golf v1.4.2
	golang.org/x/sql v1.4.1
)

replace golang.org/x/hotel/golf v1.3.1 => github.com/Zeta/alpha v1.2.2
replace golang.org/x/hotel/golf v1.4.2 => github.com/acme/fork-bravo v0.1.0
replace golang.org/x/sql => golang.org/x/sql v1.1.0
