module example.com/romeo/log

go 1.26.1
