module example.com/quebec/sys/sub

go 1.25
