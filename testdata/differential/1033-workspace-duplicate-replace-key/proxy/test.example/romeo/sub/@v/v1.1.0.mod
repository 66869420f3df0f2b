module test.example/romeo/sub

go 1.21.0

require (
	example.com/sierra/v2 v2.0.1-beta.2
	example.com/sierra/v2 v2.0.1-beta.2
)
