module example.org/kilo/oscar

go 1.23.4

require (
	example.com/sys v1.2.3
	go.example.net/whiskey v1.4.1-0.20200508014450-0e0fe76d7c0e
	example.com/sys v1.4.3
)
