module golang.org/x/whiskey/hotel

go 1.27.3

require (
	example.org/errors v1.1.1
	test.example/sync/victor v0.0.0-20230903104114-d5fe3d1ae0e7
	github.com/Zeta/xraY v1.1.0
)
