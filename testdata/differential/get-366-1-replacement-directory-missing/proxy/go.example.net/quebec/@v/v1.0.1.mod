module go.example.net/quebec

go 1.24.2
