module go.example.net/november/oscar

go 1.25
