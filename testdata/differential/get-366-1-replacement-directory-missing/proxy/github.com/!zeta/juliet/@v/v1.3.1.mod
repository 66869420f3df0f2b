module github.com/Zeta/juliet

go 1.23

require (
	github.com/Zeta/xraY v1.1.0
	test.example/lib v0.4.2
)
