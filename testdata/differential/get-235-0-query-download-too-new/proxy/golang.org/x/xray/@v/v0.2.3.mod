module golang.org/x/xray

go 1.16

require (
	example.com/quebec/sys/sub v1.0.0
)
