module go.example.net/lima/papa

go 1.23.4

require (
	github.com/acme/lib/errors v1.1.0
)
