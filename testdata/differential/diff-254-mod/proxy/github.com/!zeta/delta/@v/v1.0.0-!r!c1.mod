module github.com/Zeta/delta

require (
	go.example.net/india v0.2.0
)
