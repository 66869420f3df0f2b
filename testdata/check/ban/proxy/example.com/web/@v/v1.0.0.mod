module example.com/web

go 1.22

require github.com/pkg/errors v0.8.0
