module example.com/main

go 1.23.4

toolchain go1.20

require (
	test.example/yaml v1.3.3
	go.example.net/term/Lib v1.1.2
	go.example.net/term/lib v1.2.2
	test.example/xray/kilo v0.3.2
	example.com/ws1 v1.9.0
	example.com/ws2 v1.9.0
)

replace example.org/sql/sync => go.example.net/term/lib v1.0.1
replace go.example.net/term/lib => test.example/xray/kilo v0.3.2
exclude example.org/sql/sync v1.4.0
exclude go.example.net/term/Lib v1.1.2
