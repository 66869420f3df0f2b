module go.example.net/victor

go 1.16

require (
	golang.org/x/sierra/tango v1.1.1-rc.1.0.20200517163631-806568e8abaf
	example.org/kilo v0.2.3
	test.example/queBec v1.3.0
)
