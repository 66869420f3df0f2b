module go.example.net/india

go 1.25.0
