module example.com/sync/whiskey

require (
	github.com/acme/util v1.4.1
	github.com/acme/util v1.4.0
	github.com/Zeta/oscar/xRay v1.4.0
)
