module go.example.net/foxtrot/quebec

go 1.22

require (
	golang.org/x/sync/xray v1.0.3
	go.example.net/errors/juliet v1.4.1
)
