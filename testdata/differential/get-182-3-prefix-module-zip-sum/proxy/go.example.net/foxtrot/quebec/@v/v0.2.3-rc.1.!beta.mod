module go.example.net/foxtrot/quebec

go 1.20

require (
	golang.org/x/sync/xray v1.0.3
	golang.org/x/crypto v1.4.1
)
