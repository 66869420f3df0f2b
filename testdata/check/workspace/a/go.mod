module example.com/a

go 1.22

require example.com/dep v1.1.0
