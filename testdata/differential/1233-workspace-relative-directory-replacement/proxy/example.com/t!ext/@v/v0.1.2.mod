module example.com/tExt

require (
	github.com/Zeta/oscar/xRay v1.0.0-20190805102826-b2366078dd4b
	github.com/acme/util v1.4.0
)
