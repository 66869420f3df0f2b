module example.com/sys

go 1.22
