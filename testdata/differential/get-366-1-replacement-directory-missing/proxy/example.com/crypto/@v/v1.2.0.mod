module example.com/crypto

go 1.21
