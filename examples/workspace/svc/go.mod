module example.com/svc

go 1.22

require (
	example.com/x v1.1.0
)
