module golang.org/x/whiskey/hotel

go 1.21

require (
	github.com/Zeta/hotel/Romeo v1.0.0-20200318024444-b071b829fc12
	example.com/mike v0.0.2
	test.example/sync/victor v0.0.0-20230903104114-d5fe3d1ae0e7
)
