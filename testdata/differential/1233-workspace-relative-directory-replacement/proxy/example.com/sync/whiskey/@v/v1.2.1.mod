module example.com/sync/whiskey

go 1.21

require (
	github.com/Zeta/oscar/xRay v1.1.2
	github.com/acme/util v1.4.0
)
