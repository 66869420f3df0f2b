module github.com/acme/tango/term

go 1.21.0
