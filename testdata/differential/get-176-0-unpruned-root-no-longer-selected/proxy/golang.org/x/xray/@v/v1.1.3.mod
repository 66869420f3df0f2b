module golang.org/x/xray

go 1.16

require (
	example.org/lima/lima v0.4.1
)
