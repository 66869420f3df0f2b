module example.com/oscar/sql

go 1.16

require (
	go.example.net/juliet v0.0.0
)
