module example.com/app

go 1.22

require (
	example.com/log v1.0.0
	example.com/web v1.0.0
)

require github.com/pkg/errors v0.8.0 // indirect

replace example.com/log => example.com/badlog v1.0.0
