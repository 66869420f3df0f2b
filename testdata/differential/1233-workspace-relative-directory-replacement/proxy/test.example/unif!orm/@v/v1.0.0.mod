module test.example/unifOrm

require (
	example.com/tExt v0.1.3
	github.com/Zeta/oscar/xRay v1.0.0-20190805102826-b2366078dd4b
)
