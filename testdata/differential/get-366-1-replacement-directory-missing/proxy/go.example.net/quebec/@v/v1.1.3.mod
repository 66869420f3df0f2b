module go.example.net/quebec

go 1.22.1

require (
	github.com/Zeta/hotel/Romeo v1.0.0-20200318024444-b071b829fc12
	test.example/sync/victor v0.0.0-20230903104114-d5fe3d1ae0e7
)
