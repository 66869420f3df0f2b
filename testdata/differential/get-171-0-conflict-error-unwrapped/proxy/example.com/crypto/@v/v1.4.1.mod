module example.com/crypto

go 1.20

require (
	example.com/text v2.1.3+incompatible
	github.com/Zeta/term/json v1.3.2
	github.com/Zeta/term/json v1.3.2
	example.com/text v2.1.3+incompatible
)
