module example.com/victor/tango

go 1.24.2

require (
	gopkg.in/kilo.v2 v2.3.3
	go.example.net/echo v1.1.1
	example.org/papa v1.4.2-dev
)
