module go.example.net/lima/papa

go 1.18

require (
	golang.org/x/papa/india v1.4.0
	github.com/acme/lib/errors v1.3.0
	golang.org/x/tango/sub v1.1.1
)
