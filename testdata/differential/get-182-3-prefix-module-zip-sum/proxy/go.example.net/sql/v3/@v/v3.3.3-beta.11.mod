module go.example.net/sql/v3

require (
	github.com/acme/tango/text/v4 v4.1.2
)
