module test.example/sys

go 1.17

require (
	golang.org/x/sql v1.3.0
	go.example.net/november/oscar v1.0.2
	example.org/alpha v0.0.2
)

retract [v1.0.0-20220516160231-534b03fdf9e2, v1.3.2]
