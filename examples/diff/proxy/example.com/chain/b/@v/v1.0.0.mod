module example.com/chain/b

require example.com/chain/c v1.0.0
