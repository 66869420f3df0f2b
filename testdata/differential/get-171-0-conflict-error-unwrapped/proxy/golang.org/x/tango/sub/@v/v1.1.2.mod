module golang.org/x/tango/sub

go 1.22
