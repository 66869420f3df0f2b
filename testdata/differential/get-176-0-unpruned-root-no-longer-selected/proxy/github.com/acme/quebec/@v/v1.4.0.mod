module github.com/acme/quebec

go 1.19

require (
	github.com/Zeta/util v1.0.0-20221027033539-87137a335604
	test.example/term/lib v0.1.2
	example.com/romeo/log v1.4.0
)
