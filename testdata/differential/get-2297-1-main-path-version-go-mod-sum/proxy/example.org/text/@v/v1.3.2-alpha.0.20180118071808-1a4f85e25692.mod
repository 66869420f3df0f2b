module example.org/text

go 1.21.0
