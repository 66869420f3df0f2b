module example.org/text

go 1.26.1

require (
	github.com/acme/log v1.4.1-RC1
)
