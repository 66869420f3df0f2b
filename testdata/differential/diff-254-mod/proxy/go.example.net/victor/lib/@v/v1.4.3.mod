module go.example.net/victor/lib

go 1.21
