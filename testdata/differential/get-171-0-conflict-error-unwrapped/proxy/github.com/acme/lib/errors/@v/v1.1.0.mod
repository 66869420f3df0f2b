module github.com/acme/lib/errors

require (
	github.com/acme/juliet v1.2.0
	golang.org/x/india/sub v1.4.0
)
