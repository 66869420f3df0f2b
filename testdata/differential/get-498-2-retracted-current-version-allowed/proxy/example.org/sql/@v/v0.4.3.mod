module example.org/sql

go 1.17

require (
	example.com/sys v1.4.3
	example.com/sys v1.2.3
)
