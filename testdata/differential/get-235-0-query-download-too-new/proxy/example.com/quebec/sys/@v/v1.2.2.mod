module example.com/quebec/sys

go 1.22

require (
	example.com/log/yankee v1.3.1
	go.example.net/whiskey/sql v1.0.2-0.20231128223352-d4b67b65392f
)
