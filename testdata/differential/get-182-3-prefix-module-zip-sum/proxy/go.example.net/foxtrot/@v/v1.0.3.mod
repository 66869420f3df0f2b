module go.example.net/foxtrot

go 1.20
