module github.com/acme/text

go 1.19

require (
	example.com/sync v0.4.1
	github.com/acme/echo/json v1.0.0
)
