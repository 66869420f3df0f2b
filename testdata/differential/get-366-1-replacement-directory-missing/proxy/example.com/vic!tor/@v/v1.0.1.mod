module example.com/vicTor

go 1.27.3
