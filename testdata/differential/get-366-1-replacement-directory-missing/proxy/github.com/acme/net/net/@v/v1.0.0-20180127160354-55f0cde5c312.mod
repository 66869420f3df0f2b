module github.com/acme/net/net

go 1.21

require (
	go.example.net/jsOn/alpha v1.4.1
	go.example.net/jsOn/alpha v1.4.2-pre.0.20191214205552-32f69497d767
	test.example/json v0.1.1
)
