module test.example/sys

go 1.21

require (
	golang.org/x/bravo/lib v1.0.3-rc.1
	github.com/Zeta/xray/yaml v0.1.0
)
