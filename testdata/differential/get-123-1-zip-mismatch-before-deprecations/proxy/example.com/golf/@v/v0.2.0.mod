module example.com/golf

require (
	example.org/sql/yaml v0.0.3-beta.11
	example.org/sql/lib v0.3.1
)
