module golang.org/x/india/sub

go 1.23.4

require (
	github.com/acme/juliet v1.0.3
	github.com/acme/juliet v1.0.3
)
