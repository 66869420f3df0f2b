module test.example/golf

require (
	test.example/term/lima v1.0.3
	example.org/charlie v0.0.0-20181020001946-471292c1f163
)
