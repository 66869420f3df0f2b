module go.example.net/errors/juliet

go 1.22

require (
	golang.org/x/sync/xray v1.0.3
	golang.org/x/sync/xray v1.0.3
)
