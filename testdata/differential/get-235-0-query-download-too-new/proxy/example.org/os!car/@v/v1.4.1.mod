module example.org/osCar

go 1.16
