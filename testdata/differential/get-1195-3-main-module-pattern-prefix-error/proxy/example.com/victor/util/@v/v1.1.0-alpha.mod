module example.com/victor/util

go 1.20
