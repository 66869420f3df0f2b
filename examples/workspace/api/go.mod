module example.com/api

go 1.22

require (
	example.com/svc v1.9.0
	example.com/x v1.0.0
)
