module example.com/json/lima

go 1.16

require (
	example.org/term/quebec v1.0.2
)
