module go.example.net/echo

go 1.19

require (
	test.example/sys v1.1.2
	gopkg.in/core.v3 v3.2.3-rc.1
)

replace gopkg.in/core.v3 => gopkg.in/core.v3 v3.2.3-rc.1
