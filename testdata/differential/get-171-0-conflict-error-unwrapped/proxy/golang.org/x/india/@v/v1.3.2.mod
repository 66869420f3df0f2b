module golang.org/x/india

go 1.21

require (
	github.com/acme/juliet v1.0.3
)
