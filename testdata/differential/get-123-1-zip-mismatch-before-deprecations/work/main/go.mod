module example.com/main

go 1.27.3

require (
	example.com/victor/tango v1.0.0
	example.org/sql/yaml v0.0.3-beta.11
	example.org/text v1.4.0
	example.com/json/victor v1.1.3 // indirect
	example.com/oscar v1.4.1 // indirect
	example.org/bravo v1.2.0 // indirect
	example.org/delta v1.3.0 // indirect
	example.org/papa v1.4.2-dev // indirect
	example.org/sys v1.3.2 // indirect
	github.com/Zeta/json v1.4.1 // indirect
	github.com/Zeta/xray/yaml v4.1.1+incompatible // indirect
	go.example.net/echo v1.3.0 // indirect
	golang.org/x/bravo/lib v1.2.1 // indirect
	golang.org/x/net v0.4.0 // indirect
	golang.org/x/text v0.2.0 // indirect
	golang.org/x/text/foxtrot v0.3.0 // indirect
	gopkg.in/core.v3 v3.2.3-rc.1 // indirect
	gopkg.in/kilo.v2 v2.3.3 // indirect
	test.example/kilo/text v1.4.0 // indirect
	test.example/sys v1.2.1 // indirect
	test.example/term v1.4.1 // indirect
)

replace github.com/Zeta/sys/oscar => go.example.net/fork-golf/oscar v0.1.0
exclude example.org/bravo v1.2.0
exclude test.example/sys v1.2.1
