module example.com/victor/crypto

go 1.19
