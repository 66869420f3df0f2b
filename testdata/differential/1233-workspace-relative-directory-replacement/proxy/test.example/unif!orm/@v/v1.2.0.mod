module test.example/unifOrm

go 1.21rc1

require (
	github.com/Zeta/oscar/xRay v1.1.1
	github.com/Zeta/oscar/xRay v1.1.1
	example.com/sync/whiskey v1.1.1
	github.com/Zeta/oscar/xRay v1.0.0-20190805102826-b2366078dd4b
)
