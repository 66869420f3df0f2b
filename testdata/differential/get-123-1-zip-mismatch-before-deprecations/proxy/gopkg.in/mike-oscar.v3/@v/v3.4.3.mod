module gopkg.in/mike-oscar.v3

go 1.25

require (
	example.org/sql/yaml v0.0.3-beta.11
)
