// file comment

// attached to module
module example.com/c // suffix

require example.com/a v1.0.0 // indirect
require example.com/b v1.0.0 //indirect
require example.com/c v1.0.0 // indirect; because
require example.com/d v1.0.0 // indirectly
require example.com/e v1.0.0 // indirect;
require example.com/f v1.0.0 //	indirect	
require (
	// leading

	example.com/g v1.0.0 // indirect

	example.com/h v1.0.0 // not indirect // indirect
	// trailing
) // after rparen
// end of file
