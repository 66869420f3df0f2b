module example.org/fork-sierra

go 1.23

require (
	example.com/term/quebec v1.4.1
)
