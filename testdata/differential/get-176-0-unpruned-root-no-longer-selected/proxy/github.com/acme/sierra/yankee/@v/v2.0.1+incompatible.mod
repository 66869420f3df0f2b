module github.com/acme/sierra/yankee

go 1.16

require (
	github.com/acme/quebec v1.0.0-20200827082249-7b6804b01c23
	example.org/tango/zulu v0.0.1
)
