module test.example/kilo/india

go 1.23

require (
	gopkg.in/json.v1 v1.0.0-rc.1.Beta
	example.org/bravo v1.2.0
	github.com/Zeta/xray/yaml v0.1.0
)
