module github.com/Zeta/zulu/quebec

go 1.25.0

require (
	go.example.net/core v1.2.3
	go.example.net/core v1.1.0
)
