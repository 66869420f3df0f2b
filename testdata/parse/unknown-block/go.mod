module example.com/u
require foo (
	x v1.0.0
)
go (
	1.21
)
bogus (
)
