module example.com/text

go 1.25.0

require (
	go.example.net/lima/papa v2.4.1+incompatible
	golang.org/x/tango/sub v1.1.2
)
