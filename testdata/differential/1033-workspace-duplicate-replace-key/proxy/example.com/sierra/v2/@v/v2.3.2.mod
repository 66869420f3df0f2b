module example.com/sierra/v2

go 1.16

require (
	gopkg.in/november.v1 v1.2.3
)
