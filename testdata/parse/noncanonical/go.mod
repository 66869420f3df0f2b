module example.com/n
require (
	example.com/a v1
	example.com/b v1.2
	example.com/c v1.0.0+meta
	example.com/d v2.0.0+incompatible
	example.com/e/v2 v2
)
exclude example.com/f v1.3
