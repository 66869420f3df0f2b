module example.org/fork-india

go 1.20

require (
	go.example.net/Foxtrot v1.0.1
)
