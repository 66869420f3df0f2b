module golang.org/x/india

go 1.16

require (
	github.com/acme/juliet v1.2.0
	golang.org/x/india/sub v1.1.2
	github.com/acme/juliet v1.0.3
)
