module example.com/charlie

go 1.21

tool example.com/tool
