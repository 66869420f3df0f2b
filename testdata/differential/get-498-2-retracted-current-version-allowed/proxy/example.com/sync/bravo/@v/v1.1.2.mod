module example.com/sync/bravo

require (
	go.example.net/whiskey v1.4.1-0.20200508014450-0e0fe76d7c0e
	golang.org/x/lib v1.2.3
)
