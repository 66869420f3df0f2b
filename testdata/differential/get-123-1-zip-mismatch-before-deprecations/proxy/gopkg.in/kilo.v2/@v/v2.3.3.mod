module gopkg.in/kilo.v2

go 1.24.2

require (
	example.org/bravo v1.2.0
)

exclude example.org/sys v1.1.3
