module example.com/main

go 1.22

require (
	example.com/charlie v1.3.1
	go.example.net/util/sub v1.2.1
	example.org/sierra v0.3.3
	example.com/ws2 v1.9.0
)

require (
	github.com/Zeta/sync v0.4.3 // indirect
	go.example.net/util v1.1.3 // indirect
)

replace go.example.net/alpha => go.example.net/fork-tango v0.2.0
replace go.example.net/alpha => example.org/sierra v0.0.0
exclude go.example.net/oscar/term v1.2.0
