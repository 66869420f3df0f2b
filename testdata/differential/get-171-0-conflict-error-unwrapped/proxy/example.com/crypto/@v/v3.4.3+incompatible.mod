module example.com/crypto

go 1.24.2

require (
	github.com/Zeta/term/json v1.3.2
	golang.org/x/alpha/november v1.3.3
)
