module github.com/Zeta/oscar

go 1.19

require (
	example.com/victor/crypto v1.0.0-20231107192219-00123bacde5c
)
