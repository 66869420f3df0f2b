module example.org/crypto

go 1.21.0
