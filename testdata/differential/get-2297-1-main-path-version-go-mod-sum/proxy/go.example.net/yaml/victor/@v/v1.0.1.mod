module go.example.net/yaml/victor

go 1.16
