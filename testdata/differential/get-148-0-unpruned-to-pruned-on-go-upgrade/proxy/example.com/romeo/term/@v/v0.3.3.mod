module example.com/romeo/term

require (
	example.org/log/kilo v1.3.2
	example.com/lima v4.3.2+incompatible
	example.org/log/kilo v3.4.1+incompatible
)
