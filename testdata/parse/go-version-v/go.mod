module example.com/g
go v1.21
