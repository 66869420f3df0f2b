module golang.org/x/xray

go 1.16
