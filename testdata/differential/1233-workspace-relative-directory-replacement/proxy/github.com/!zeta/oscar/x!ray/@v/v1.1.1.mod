module github.com/Zeta/oscar/xRay

go 1.17

require (
	github.com/acme/util v1.4.1
	github.com/acme/util v1.4.1
)
