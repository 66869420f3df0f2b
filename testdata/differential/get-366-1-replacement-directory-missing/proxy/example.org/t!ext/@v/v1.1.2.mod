module example.org/tExt

go 1.27

require (
	go.example.net/victor v1.1.0-beta.2.0.20230114214714-3509962da40c
)
