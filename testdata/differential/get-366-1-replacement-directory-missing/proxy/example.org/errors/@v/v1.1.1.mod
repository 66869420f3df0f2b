module example.org/errors

require (
	example.org/errors/core v1.1.0-alpha.0.20200217160111-1fc62ed7de5f
	test.example/util v1.1.3
	golang.org/x/sierra/tango v1.1.1-rc.1.0.20200517163631-806568e8abaf
)
