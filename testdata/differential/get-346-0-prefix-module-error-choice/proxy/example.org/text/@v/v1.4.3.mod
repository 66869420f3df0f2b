module example.org/text

go 1.17

require (
	github.com/acme/json v0.0.1
	example.org/xray v1.2.2
)
