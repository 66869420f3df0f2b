// Deprecated: on the block
module (
	example.com/depblock
)
