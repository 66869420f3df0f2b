module example.com/util

go 1.21

require example.com/log v1.9.0
