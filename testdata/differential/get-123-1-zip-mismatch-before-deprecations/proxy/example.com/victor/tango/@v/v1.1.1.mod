module example.com/victor/tango

require (
	example.org/papa v1.4.2-dev
	golang.org/x/text/foxtrot v0.3.0
)
