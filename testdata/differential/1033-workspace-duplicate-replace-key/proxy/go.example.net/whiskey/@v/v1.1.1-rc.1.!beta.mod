module go.example.net/whiskey

go 1.23.4
