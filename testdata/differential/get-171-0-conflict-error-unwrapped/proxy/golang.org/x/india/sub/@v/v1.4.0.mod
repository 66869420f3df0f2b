module golang.org/x/india/sub

go 1.17

require (
	github.com/acme/juliet v1.0.3
	github.com/acme/juliet v1.2.0
	github.com/acme/juliet v1.2.0
	github.com/acme/juliet v1.2.0
)
