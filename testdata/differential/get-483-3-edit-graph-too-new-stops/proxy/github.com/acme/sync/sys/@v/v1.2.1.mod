module github.com/acme/sync/sys

go 1.23

exclude go.example.net/foxtrot v1.2.3
