module example.org/tango

go 1.21.0
