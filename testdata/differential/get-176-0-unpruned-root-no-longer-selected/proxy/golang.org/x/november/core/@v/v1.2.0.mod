module golang.org/x/november/core

go 1.20

require (
	example.org/oscar/romeo v1.4.2
	go.example.net/sync/charlie v1.3.3-rc.1.0.20230322095247-8ffed43d614f
)
