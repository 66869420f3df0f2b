module go.example.net/quebec/lima

go 1.23.4

require (
	example.org/delta v1.3.0
)
