module example.com/main

require (
	example.com/papa v4.1.3+incompatible
	example.com/sql v4.2.3+incompatible
	github.com/acme/alpha/india v1.2.0
)

require (
	golang.org/x/sys/Kilo v1.4.3 // indirect
	golang.org/x/sys/kilo v2.3.1+incompatible // indirect
)

replace example.com/papa v1.9.9 => github.com/acme/fork-kilo/sierra v0.1.0
