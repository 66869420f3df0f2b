module github.com/Zeta/hotel/Romeo

go 1.21rc1

require (
	github.com/Zeta/xraY v1.1.0
)
