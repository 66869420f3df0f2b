module test.example/log

require (
	go.example.net/whiskey v1.0.3-0.20210306005435-a719d678750f
)
