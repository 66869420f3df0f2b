module gopkg.in/json.v1

go 1.13

require (
	golang.org/x/text v0.3.1
	example.org/sys v1.3.2
)
