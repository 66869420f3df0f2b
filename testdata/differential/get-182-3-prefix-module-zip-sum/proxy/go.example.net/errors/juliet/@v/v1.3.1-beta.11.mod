module go.example.net/errors/juliet

go 1.21
