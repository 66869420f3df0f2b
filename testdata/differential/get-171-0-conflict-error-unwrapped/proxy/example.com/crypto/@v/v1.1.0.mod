module example.com/crypto

go 1.20

require (
	github.com/Zeta/term/json v1.3.1
	example.com/yaml v1.3.2
	test.example/crypto v1.3.0
)
