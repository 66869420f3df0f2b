module golang.org/x/papa/india

go 1.26.1
