module example.org/tango/zulu

go 1.21.0

require (
	golang.org/x/oscar v1.3.3-pre.0.20200711175508-a5a2ad406f01
	golang.org/x/oscar v2.2.3+incompatible
	example.com/whiskey v1.2.1
)
