module example.com/core

go 1.22.1

require (
	example.com/sync v0.4.2
	example.org/tango/zulu v0.0.1
)
