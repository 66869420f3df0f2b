module example.com/core

go 1.21

replace github.com/Zeta/sys/oscar => github.com/Zeta/sys/oscar v1.2.2-beta.11
retract (
	// Broken.
	v1.0.3
)
