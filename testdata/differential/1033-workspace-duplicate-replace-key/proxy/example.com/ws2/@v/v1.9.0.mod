module example.com/ws2

go 1.21

require (
	example.com/sierra/v2 v2.0.1-beta.2
)
