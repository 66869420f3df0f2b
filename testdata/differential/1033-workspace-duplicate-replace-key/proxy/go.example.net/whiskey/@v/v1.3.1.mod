module go.example.net/whiskey

go 1.17

require (
	example.com/charlie v1.4.2-beta.2.0.20210501071024-6411403386b4
	github.com/Zeta/kilo/sql v1.2.1
)
