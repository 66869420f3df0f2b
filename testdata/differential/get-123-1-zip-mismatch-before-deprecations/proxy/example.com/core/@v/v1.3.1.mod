module example.com/core

require (
	example.org/sql/lib v0.2.3-beta.2
	go.example.net/quebec/lima v4.4.1+incompatible
)
