module example.org/tango/zulu

go 1.11

require (
	example.org/charlie v0.0.0-20181020001946-471292c1f163
	go.example.net/core v1.3.3-0.20221204100309-5a8ba1c3e5d2
)
