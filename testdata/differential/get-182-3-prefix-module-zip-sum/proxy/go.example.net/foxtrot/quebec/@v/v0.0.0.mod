module go.example.net/foxtrot/quebec

go 1.26.1

require (
	golang.org/x/crypto v1.4.1
	go.example.net/errors/juliet v1.3.1-beta.11
)
