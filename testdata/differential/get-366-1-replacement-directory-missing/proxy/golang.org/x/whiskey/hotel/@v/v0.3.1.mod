module golang.org/x/whiskey/hotel

go 1.22

require (
	github.com/Zeta/hotel/Romeo v1.0.0-20240513153555-434214d8e85a
)
