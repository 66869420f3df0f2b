module go.example.net/echo

go 1.23.4
