module go.example.net/util/sub

go 1.19

require (
	go.example.net/oscar/term v1.2.0
	example.com/charlie v1.3.1
)
