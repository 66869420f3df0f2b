module example.com/b

require (

	// one

	// two
	example.com/a v1.0.0


	example.com/b v1.0.0

	// dangling

)
