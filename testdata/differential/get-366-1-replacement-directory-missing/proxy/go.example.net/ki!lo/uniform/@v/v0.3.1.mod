module go.example.net/kiLo/uniform

require (
	example.org/echO v0.1.1
)
