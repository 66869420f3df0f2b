module example.com/whiskey

go 1.21.0

require (
	example.com/romeo/log v1.1.1
)
