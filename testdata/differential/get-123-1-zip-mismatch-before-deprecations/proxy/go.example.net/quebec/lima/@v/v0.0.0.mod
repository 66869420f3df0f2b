module go.example.net/quebec/lima

go 1.23

require (
	example.org/sql/yaml v0.0.3-beta.11
)
