module example.com/oscar

go 1.22

require (
	example.com/quebec/log v1.1.0-alpha.0.20200822150907-595dd8cef7cb
	github.com/Zeta/alpha/v2 v2.3.0
	example.com/charlie v1.2.3
)

godebug default=go1.21
