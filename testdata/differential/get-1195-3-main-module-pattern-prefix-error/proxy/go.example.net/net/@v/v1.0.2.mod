module go.example.net/net

go 1.23.4
