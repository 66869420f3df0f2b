module test.example/whiskey

go 1.22.1
