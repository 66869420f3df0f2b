module go.example.net/sys/zulu

go 1.11
