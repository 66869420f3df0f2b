module example.org/november

go 1.22

require (
	golang.org/x/echo v1.1.1
	gopkg.in/kilo.v2 v2.3.3
)

tool example.com/tool
