module go.example.net/kiLo/uniform

go 1.22.1
