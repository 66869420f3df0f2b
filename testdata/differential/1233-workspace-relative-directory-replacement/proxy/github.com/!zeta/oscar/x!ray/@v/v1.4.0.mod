module github.com/Zeta/oscar/xRay

go 1.21

require (
	github.com/acme/util v1.4.0
	github.com/acme/util v1.4.0
)
