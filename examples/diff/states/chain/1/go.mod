module example.com/shop

go 1.22

require (
	example.com/chain/a v1.0.0
	example.com/logging v1.4.0
)
