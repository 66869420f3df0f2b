module golang.org/x/bravo/lib
