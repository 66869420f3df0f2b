module golang.org/x/foxtrot/kilo

go 1.17
