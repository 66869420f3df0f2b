module example.com/sql

go 1.23

require (
	example.org/alpha/term v1.2.1
	example.org/lima/lima v0.4.1
)
