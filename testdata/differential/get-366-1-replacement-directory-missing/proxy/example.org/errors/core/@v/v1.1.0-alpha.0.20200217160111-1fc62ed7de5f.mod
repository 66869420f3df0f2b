module example.org/errors/core

go 1.27
