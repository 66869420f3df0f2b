module gopkg.in/yankee.v2

go 1.24.2

toolchain go1.21.0

require (
	gopkg.in/tango.v2 v2.2.0
)
