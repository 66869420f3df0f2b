module example.com/r

// Rationale for the whole block.
retract (
	v1.0.0
	[v1.1.0, v1.2.0] // own rationale
	// before
	[ v1.3.0 , v1.4.0 ]
	"v1.5.0"
)
// single with
// two lines
retract v2.0.0+incompatible
retract v1
