module go.example.net/juliet

go 1.23.4
