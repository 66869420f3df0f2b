module example.com/xray/v4

go 1.20
