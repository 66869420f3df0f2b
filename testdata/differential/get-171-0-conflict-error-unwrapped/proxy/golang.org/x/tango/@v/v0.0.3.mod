module golang.org/x/tango

go 1.16
