module test.example/unifOrm

go 1.21

require (
	example.com/tExt v0.1.3
)
