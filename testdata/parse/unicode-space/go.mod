module example.com/c
