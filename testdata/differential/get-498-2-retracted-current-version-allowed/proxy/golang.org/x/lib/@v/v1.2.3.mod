module golang.org/x/lib
