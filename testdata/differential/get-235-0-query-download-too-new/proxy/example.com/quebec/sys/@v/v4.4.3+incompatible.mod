module example.com/quebec/sys

go 1.17
