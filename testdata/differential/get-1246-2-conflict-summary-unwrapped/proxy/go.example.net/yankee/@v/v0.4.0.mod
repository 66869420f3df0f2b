module go.example.net/yankee

go 1.25
