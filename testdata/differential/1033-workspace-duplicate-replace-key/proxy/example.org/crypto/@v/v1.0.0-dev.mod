module example.org/crypto

go 1.16
