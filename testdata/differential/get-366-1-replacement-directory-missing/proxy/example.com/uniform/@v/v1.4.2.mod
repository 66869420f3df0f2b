module example.com/uniform

go 1.25.0
