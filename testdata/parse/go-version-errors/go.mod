module example.com/g
go 1.21.x-extra
go 1.21
go
go 1 2
