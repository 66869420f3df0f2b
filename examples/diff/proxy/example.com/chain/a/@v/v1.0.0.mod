module example.com/chain/a

require example.com/chain/b v1.0.0
