module github.com/Zeta/zulu/v5

go 1.23.4

retract (
	// Broken.
	v5.1.0
)
