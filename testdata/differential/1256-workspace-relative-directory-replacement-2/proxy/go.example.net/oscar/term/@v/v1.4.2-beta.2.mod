module go.example.net/oscar/term

go 1.22
