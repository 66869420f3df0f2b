module example.com/papa

go 1.21rc1

require (
	example.com/papa v4.1.3+incompatible
)
