module go.example.net/victor

go 1.21.0
