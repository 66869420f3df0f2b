module go.example.net/whiskey

go 1.25
