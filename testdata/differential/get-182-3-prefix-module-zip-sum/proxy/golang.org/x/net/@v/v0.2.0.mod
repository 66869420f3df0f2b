module golang.org/x/net

go 1.20

require (
	go.example.net/errors/juliet v1.1.3-beta.2
	golang.org/x/sync/xray v1.0.3
)
