module example.com/zulu

go 1.21rc1

require (
	example.org/alpha/term v4.1.3+incompatible
)
