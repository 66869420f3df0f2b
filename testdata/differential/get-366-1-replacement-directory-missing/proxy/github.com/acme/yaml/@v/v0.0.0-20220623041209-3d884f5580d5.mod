module github.com/acme/yaml

go 1.22.1

require (
	golang.org/x/sierra/tango v1.1.2
	example.com/vicTor v1.4.1
)
