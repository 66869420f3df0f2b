module example.com/romeo/log

go 1.25.0

require (
	example.org/charlie v0.0.0-20181020001946-471292c1f163
	example.com/json/lima v1.2.3
)
