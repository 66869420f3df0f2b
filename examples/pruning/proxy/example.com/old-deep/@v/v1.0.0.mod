module example.com/old-deep

go 1.21
