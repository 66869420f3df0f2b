module golang.org/x/foxtrot/kilo

go 1.27.3

require (
	test.example/uniform v1.2.3
	example.com/vicTor v1.4.1
	go.example.net/quebec v1.1.3
)
