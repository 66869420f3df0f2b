module example.com/util/net

go 1.25.0

require (
	golang.org/x/net v0.3.2
	go.example.net/sql/echo/v4 v4.0.2
)
