module github.com/acme/tango

go 1.21
