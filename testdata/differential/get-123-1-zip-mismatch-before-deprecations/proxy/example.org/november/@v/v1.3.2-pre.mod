module example.org/november

go 1.21.0

require (
	gopkg.in/kilo.v2 v2.3.3
)
