module example.org/text

require (
	example.com/sys v1.3.0
)
