module go.example.net/sys/zulu

go 1.26.1

require (
	golang.org/x/sql v1.0.1
	test.example/log v1.2.3
)
