module gopkg.in/crypto.v3

require (
	example.org/kilo v1.0.3-pre
	golang.org/x/net v0.4.0
)

retract v3.1.0 // Bad release.
