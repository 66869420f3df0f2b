module golang.org/x/core/foxtrot

go 1.23.4
