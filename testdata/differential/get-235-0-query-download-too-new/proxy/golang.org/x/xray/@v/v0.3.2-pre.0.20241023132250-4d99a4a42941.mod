module golang.org/x/xray

go 1.21rc1

require (
	example.com/log/yankee v1.3.1
	golang.org/x/neT/romeo v0.3.2
)
