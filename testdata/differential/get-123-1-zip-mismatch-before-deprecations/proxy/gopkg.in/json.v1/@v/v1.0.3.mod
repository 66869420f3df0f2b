module gopkg.in/json.v1

go 1.20
