module example.com/b
require ( // header
	example.com/a v1.0.0
) // footer
