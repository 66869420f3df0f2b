module github.com/Zeta/zulu/golf

go 1.21

require (
	example.org/lima/lima v0.4.1
	example.com/zulu v4.1.2+incompatible
	example.com/zulu v2.2.0+incompatible
	golang.org/x/kilo v1.1.3
)
