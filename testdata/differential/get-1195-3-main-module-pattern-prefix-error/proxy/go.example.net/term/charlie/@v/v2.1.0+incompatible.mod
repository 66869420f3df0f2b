module go.example.net/term/charlie

go 1.13
