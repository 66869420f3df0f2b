module example.com/b

go 1.22

require example.com/crypto v1.3.0-rc.1
