module github.com/Zeta/net

go 1.23

require (
	github.com/Zeta/november/log v1.4.0
	golang.org/x/delTa v1.3.3
	github.com/Zeta/lima/miKe v1.0.1
	go.example.net/Foxtrot v1.3.3
)
