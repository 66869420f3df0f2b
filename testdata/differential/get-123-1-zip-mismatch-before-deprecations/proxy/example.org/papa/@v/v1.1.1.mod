module example.org/papa

go 1.22

require (
	gopkg.in/core.v3 v3.2.3-rc.1
)

tool example.com/tool
