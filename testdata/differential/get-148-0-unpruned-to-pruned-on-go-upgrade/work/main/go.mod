module example.com/main

go 1.16

require (
	example.com/romeo/term v0.3.3
	golang.org/x/net v1.3.1
	example.com/lima v4.3.2+incompatible // indirect
	example.org/log/kilo v3.4.1+incompatible // indirect
)

replace example.com/lima v4.3.2+incompatible => github.com/Zeta/kilo v1.2.0
replace example.org/log/kilo v1.0.0 => github.com/Zeta/fork-mike v0.1.0
replace example.org/log/kilo v1.3.2 => go.example.net/fork-quebec/util v0.1.0
replace example.org/log/kilo => golang.org/x/net v1.2.0
replace golang.org/x/net v1.2.0 => example.com/lima v4.3.2+incompatible
