module github.com/acme/tango/text/v4

go 1.16
