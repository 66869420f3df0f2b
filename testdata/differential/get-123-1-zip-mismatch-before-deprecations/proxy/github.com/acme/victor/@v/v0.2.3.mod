module github.com/acme/victor

go 1.25.0
