module go.example.net/jsOn/alpha

go 1.14

require (
	golang.org/x/xray v1.0.0-20241009142547-56f076f25594
	github.com/Zeta/india v1.1.1
	golang.org/x/xray v1.0.0-20241009142547-56f076f25594
	test.example/quebec v0.0.2
	test.example/uniform v1.1.1-0.20180111190109-80dada5160db
)
