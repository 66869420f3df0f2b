module example.com/only-via-lib

go 1.21

require example.com/never-loaded v1.0.0
