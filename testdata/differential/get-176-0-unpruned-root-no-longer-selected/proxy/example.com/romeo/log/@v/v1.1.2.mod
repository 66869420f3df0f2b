module example.com/romeo/log

go 1.21.0
