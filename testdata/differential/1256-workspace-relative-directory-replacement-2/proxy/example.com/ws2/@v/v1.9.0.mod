module example.com/ws2

go 1.21

require (
	go.example.net/util/sub v1.0.3
)
