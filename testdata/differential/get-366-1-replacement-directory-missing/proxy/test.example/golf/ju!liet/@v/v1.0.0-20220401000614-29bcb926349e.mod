module test.example/golf/juLiet

require (
	example.org/tExt v1.2.0
	go.example.net/kiLo/uniform v0.3.0
	go.example.net/kiLo/uniform v0.3.0
	test.example/lib v0.1.1
)
