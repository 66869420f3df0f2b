module golang.org/x/core/foxtrot
