module example.com/victor/crypto

go 1.22

require (
	example.org/errors v4.0.0+incompatible
	example.com/sync v0.4.2
)
