module gopkg.in/mike-oscar.v3

go 1.23
