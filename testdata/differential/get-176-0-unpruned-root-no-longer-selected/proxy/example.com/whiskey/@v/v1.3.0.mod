module example.com/whiskey

go 1.22
