module example.com/core

go 1.24.2

require (
	github.com/acme/log v1.3.3
	test.example/whiskey v0.1.1-rc.1.Beta
	go.example.net/quebec/lima v4.4.1+incompatible
)
