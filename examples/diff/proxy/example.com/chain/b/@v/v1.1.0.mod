module example.com/chain/b

require (
	example.com/chain/c v1.2.0
	example.com/chain/d v1.0.0
)
