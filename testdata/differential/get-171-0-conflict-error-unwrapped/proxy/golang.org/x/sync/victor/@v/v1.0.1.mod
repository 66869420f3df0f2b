module golang.org/x/sync/victor

go 1.21.0

require (
	go.example.net/lima/papa v2.4.1+incompatible
)
