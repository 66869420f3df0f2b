module test.example/queBec

go 1.22.1

require (
	go.example.net/victor v1.1.3-pre.0.20211012075332-e3babd2680e3
)
