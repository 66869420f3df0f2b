module example.com/ws2

go 1.21

require (
	gopkg.in/november.v1 v1.2.1
	example.com/charlie v1.4.2-beta.2.0.20210501071024-6411403386b4
)
