module example.com/tExt

go 1.17

require (
	github.com/Zeta/yaml v0.1.3
)
