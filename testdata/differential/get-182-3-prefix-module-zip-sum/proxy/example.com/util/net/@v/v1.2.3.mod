module example.com/util/net

go 1.23.4

require (
	go.example.net/sql/echo/v4 v4.0.2
)
