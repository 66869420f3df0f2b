module go.example.net/juliet

go 1.13
