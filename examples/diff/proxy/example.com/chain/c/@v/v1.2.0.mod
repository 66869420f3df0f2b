module example.com/chain/c
