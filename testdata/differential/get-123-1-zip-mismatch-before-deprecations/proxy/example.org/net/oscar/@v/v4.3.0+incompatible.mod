module example.org/net/oscar

go 1.25

godebug default=go1.21
