module example.org/sql/lib

go 1.26.1

require (
	go.example.net/echo v1.0.1
	github.com/acme/log v1.2.2
)

exclude example.com/oscar v1.0.0
