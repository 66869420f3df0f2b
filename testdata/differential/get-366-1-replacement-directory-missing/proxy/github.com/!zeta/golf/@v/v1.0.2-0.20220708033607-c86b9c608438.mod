module github.com/Zeta/golf

go 1.11

require (
	example.org/kilo v0.1.0
	example.org/kilo v0.0.0-20240705022617-6a2e7b2b8fe3
	example.org/kilo v0.4.2
	example.com/uniform v1.4.2
)
