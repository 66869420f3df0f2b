module go.example.net/golf/core

go 1.11

require (
	example.com/oscar/sql v0.0.2
)
