module example.com/sunset

go 1.22
