module test.example/unifOrm

go 1.11

require (
	github.com/Zeta/oscar/xRay v1.0.0-20190805102826-b2366078dd4b
	github.com/Zeta/oscar/xRay v1.1.1
	github.com/Zeta/yaml v0.1.3
)
