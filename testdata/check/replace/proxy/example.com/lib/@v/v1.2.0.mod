module example.com/lib

go 1.22

require example.com/util v1.4.0
