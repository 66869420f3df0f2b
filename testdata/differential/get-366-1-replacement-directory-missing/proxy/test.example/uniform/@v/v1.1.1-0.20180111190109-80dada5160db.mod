module test.example/uniform

require (
	test.example/util v1.2.3
	golang.org/x/sierra/tango v1.1.1-rc.1.0.20200517163631-806568e8abaf
)
