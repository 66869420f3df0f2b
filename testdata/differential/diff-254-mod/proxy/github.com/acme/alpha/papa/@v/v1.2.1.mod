module github.com/acme/alpha/papa

go 1.21

require (
	go.example.net/india v0.2.0
	go.example.net/india v0.2.0
)
