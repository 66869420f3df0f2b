module test.example/foxtrot

go 1.17
