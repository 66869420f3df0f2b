module example.org/yaml/sql

go 1.23

require (
	golang.org/x/tango v1.4.0
	github.com/Zeta/mike v1.3.2
)
