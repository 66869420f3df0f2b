module test.example/kilo/india

go 1.21
