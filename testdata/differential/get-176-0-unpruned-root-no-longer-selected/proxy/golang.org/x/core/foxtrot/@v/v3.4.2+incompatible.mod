module golang.org/x/core/foxtrot

require (
	github.com/acme/text v0.1.1
	go.example.net/foxtrot v0.2.1
)
