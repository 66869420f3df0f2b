module example.com/tExt

go 1.23.4

require (
	github.com/Zeta/oscar/xRay v1.1.2
	example.com/sync/whiskey v1.0.1
)
