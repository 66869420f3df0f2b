module example.com/victor

go 1.22
