module example.com/crypto

require (
	example.com/Yaml v1.2.3
)
