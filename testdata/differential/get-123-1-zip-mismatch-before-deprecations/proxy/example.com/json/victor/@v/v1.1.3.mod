module example.com/json/victor

go 1.13

require (
	gopkg.in/kilo.v2 v2.3.3
	example.org/sys v1.1.3
)

unknown directive here
