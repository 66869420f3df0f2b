module example.com/json/victor

go 1.18
