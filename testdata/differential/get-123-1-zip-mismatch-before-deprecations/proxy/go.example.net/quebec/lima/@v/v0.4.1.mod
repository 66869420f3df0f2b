module go.example.net/quebec/lima

go 1.22

require (
	example.org/sql/yaml v0.0.3-beta.11
)
