module example.com/ws1

go 1.21

require (
	example.org/crypto v1.0.0-dev
)
