module gopkg.in/sierra.v3

go 1.21
