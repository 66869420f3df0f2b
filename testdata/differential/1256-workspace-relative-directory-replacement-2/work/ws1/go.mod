module example.com/ws1

go 1.22.1

replace go.example.net/alpha => go.example.net/fork-yaml v0.1.0
