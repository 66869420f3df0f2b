module go.example.net/sync/charlie

require (
	go.example.net/core v1.1.3
)
