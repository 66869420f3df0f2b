module github.com/acme/text

go 1.27.3

require (
	github.com/Zeta/yaml v1.2.3
	golang.org/x/xray v1.2.2
)
