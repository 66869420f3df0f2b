module go.example.net/util/sub

go 1.26.1

require (
	go.example.net/oscar/term v1.4.2-beta.2
	go.example.net/alpha v1.4.0
	go.example.net/oscar/term v1.0.1
)
