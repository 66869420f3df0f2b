module go.example.net/errors/juliet

go 1.21.0

require (
	golang.org/x/sync/xray v1.0.3
)
