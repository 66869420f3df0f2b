module go.example.net/india

go 1.21rc1

require (
	example.org/kilo/oscar v1.2.2
	example.org/alpha v0.0.2
)
