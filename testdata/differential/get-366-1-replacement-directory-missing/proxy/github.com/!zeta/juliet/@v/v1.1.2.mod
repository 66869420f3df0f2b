module github.com/Zeta/juliet

go 1.18

require (
	test.example/uniform v1.2.3
	example.org/tExt v1.4.2
)
