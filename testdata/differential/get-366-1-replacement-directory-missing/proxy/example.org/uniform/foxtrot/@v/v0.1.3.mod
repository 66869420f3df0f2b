module example.org/uniform/foxtrot

go 1.21
