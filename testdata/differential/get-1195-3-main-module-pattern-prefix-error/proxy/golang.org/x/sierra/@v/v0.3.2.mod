module golang.org/x/sierra

go 1.20

require (
	example.com/victor/util v1.2.2-beta.2
	example.com/main v0.1.0
)
