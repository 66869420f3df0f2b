module example.com/pay

go 1.21

require example.com/legacy v0.1.0
