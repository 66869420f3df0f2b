module github.com/acme/sierra/yankee

go 1.24.2

require (
	go.example.net/sync/charlie v1.3.3-rc.1.0.20230322095247-8ffed43d614f
	github.com/Zeta/yaml v1.2.3
)
