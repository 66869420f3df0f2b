module go.example.net/core

go 1.11
