module example.org/fork-india

go 1.21

require (
	go.example.net/yaml v1.1.3
)
