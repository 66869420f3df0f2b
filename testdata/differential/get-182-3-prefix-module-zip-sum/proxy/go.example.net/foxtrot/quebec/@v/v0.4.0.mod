module go.example.net/foxtrot/quebec

require (
	golang.org/x/crypto v1.4.1
)
