module example.org/yankee

require (
	github.com/Zeta/delta v1.1.3
)
