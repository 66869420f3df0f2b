module go.example.net/lib

go 1.25.0
