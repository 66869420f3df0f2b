module golang.org/x/sync/xray

go 1.21.0
