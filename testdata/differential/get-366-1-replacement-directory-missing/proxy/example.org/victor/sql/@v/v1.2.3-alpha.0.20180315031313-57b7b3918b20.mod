module example.org/victor/sql

require (
	golang.org/x/sierra/tango v1.1.1-rc.1.0.20200517163631-806568e8abaf
	go.example.net/victor v1.1.0-beta.2.0.20230114214714-3509962da40c
	example.com/mike v0.0.2
	go.example.net/victor v1.1.3
)
