module example.com/chain/d
