module test.example/charlie/xray

require (
	golang.org/x/sierra v0.2.2-0.3
	test.example/quebec v1.0.0
)
