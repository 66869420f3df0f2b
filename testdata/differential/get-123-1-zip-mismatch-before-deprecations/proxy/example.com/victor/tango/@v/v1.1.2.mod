module example.com/victor/tango

require (
	golang.org/x/net v0.4.0
	gopkg.in/yankee.v2 v2.2.2
	go.example.net/lib v2.3.3+incompatible
	example.org/kilo v1.0.0
)
