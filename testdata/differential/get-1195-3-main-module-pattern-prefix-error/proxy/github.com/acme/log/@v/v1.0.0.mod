module github.com/acme/log

go 1.21

require (
	golang.org/x/sierra v0.2.2-0.3
	golang.org/x/sierra v0.3.2
)
