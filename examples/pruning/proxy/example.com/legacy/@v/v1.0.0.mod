module example.com/legacy

require (
	example.com/old-dep v1.0.0
)
