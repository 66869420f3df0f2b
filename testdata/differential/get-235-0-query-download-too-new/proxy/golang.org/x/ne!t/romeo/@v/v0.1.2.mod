module golang.org/x/neT/romeo

go 1.22

require (
	example.com/victor v1.0.1
)
