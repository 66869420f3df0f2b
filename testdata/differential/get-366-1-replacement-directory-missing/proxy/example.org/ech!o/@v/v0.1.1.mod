module example.org/echO

require (
	example.org/victor/sql v1.0.2
)
