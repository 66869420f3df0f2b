module go.example.net/sql/echo/v4

require (
	github.com/acme/tango/text/v4 v4.1.2
)
