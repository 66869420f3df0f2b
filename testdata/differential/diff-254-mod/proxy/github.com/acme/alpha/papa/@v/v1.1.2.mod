module github.com/acme/alpha/papa

go 1.18

require (
	github.com/Zeta/delta v1.0.0-RC1
)
