module go.example.net/kiLo/uniform

go 1.17

require (
	example.org/uniform/foxtrot v0.1.3
)
