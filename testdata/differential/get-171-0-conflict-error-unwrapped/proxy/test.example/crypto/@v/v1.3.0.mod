module test.example/crypto

require (
	golang.org/x/india/sub v1.1.2
	example.com/yaml v3.1.2+incompatible
)
