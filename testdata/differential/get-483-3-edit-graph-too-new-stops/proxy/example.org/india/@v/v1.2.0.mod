module example.org/india

go 1.25

require (
	example.com/charlie v1.2.1
)
