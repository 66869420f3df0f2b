module example.com/core

require (
	golang.org/x/oscar v1.3.3-pre.0.20200711175508-a5a2ad406f01
)
