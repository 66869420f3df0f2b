module example.com/vicTor

go 1.23.4
