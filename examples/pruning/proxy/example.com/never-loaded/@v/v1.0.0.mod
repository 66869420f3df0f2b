module example.com/never-loaded

go 1.21
