module example.com/core

go 1.13

require (
	golang.org/x/core/foxtrot v0.0.3-beta.2.0.20181105082309-ef46379192ca
	go.example.net/sync/charlie v1.3.3-rc.1.0.20230322095247-8ffed43d614f
)
