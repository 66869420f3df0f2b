module example.org/sierra

go 1.21rc1

require (
	go.example.net/oscar/term v1.2.0
)

retract v0.3.0
