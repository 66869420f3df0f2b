module go.example.net/alpha/v4

go 1.23
