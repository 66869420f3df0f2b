module gopkg.in/november.v1

go 1.13
