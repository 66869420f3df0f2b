module example.org/kilo

require (
	example.org/delta v1.3.0
)
