module golang.org/x/india

go 1.21.0

require (
	github.com/acme/juliet v1.0.3
	github.com/acme/juliet v1.2.0
)
