module golang.org/x/bravo/lib

go 1.25.0

godebug default=go1.21
