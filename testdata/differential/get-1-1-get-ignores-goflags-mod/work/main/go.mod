module example.com/main

go 1.26.1

require (
	example.org/sql v1.3.0
	example.org/yankee v0.0.1
	github.com/acme/romeo v0.3.2
	golang.org/x/hotel/term v1.2.0
	github.com/Zeta/log v1.2.1
	github.com/Zeta/log v0.0.0-00010101000000-000000000000
)

replace example.org/crypto v1.0.3 => go.example.net/core v1.2.1
replace github.com/Zeta/mike v1.2.0 => go.example.net/charlie v1.0.1
replace example.com/kilo => golang.org/x/tango v1.4.0
replace golang.org/x/tango => github.com/Zeta/delta v1.1.3
replace github.com/Zeta/log v0.0.0-00010101000000-000000000000 => example.org/fork-sierra v0.1.0
