module example.com/svc

go 1.21

require (
	example.com/z v1.0.0
)
