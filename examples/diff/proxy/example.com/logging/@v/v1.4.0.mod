module example.com/logging

go 1.21
