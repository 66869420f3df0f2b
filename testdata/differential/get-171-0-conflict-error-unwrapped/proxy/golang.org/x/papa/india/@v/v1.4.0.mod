module golang.org/x/papa/india

go 1.24.2
