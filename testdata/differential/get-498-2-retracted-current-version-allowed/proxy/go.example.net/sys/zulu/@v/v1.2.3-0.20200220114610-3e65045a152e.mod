module go.example.net/sys/zulu

go 1.23.4

require (
	example.org/sql v0.1.0
	test.example/log v1.2.3
)
