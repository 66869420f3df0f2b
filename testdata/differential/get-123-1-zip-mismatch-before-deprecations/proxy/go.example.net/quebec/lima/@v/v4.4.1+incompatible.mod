module go.example.net/quebec/lima

go 1.23.4

require (
	go.example.net/lib v2.3.3+incompatible
)

exclude go.example.net/lib v0.4.3
