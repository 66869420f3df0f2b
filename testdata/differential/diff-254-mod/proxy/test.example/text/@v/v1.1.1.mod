module test.example/text

go 1.26.1
