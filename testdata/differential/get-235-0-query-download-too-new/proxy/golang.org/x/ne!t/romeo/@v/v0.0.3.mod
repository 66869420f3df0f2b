module golang.org/x/neT/romeo

go 1.21
