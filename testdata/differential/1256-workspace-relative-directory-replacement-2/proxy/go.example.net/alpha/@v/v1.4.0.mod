module go.example.net/alpha

go 1.17
