module github.com/Zeta/alpha/v2

require (
	example.com/quebec/log v1.1.0-alpha.0.20200822150907-595dd8cef7cb
)
