module golang.org/x/xray

go 1.14

require (
	example.com/log/yankee v1.3.1
)
