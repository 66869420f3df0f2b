module example.com/victor/tango

go 1.21
