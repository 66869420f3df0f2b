module test.example/whiskey

go 1.13

require (
	gopkg.in/core.v3 v3.2.3-rc.1
)
