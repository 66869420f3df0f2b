module go.example.net/whiskey

go 1.20

require (
	golang.org/x/lib v1.2.2
)
