module go.example.net/alpha

go 1.23.4

require (
	go.example.net/alpha v1.4.0
)
