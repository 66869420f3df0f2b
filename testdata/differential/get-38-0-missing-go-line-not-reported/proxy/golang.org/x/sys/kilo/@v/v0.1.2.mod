module golang.org/x/sys/kilo

go 1.20

require (
	golang.org/x/sys/Kilo v1.4.3
	golang.org/x/sys/Kilo v1.4.3
	golang.org/x/sys/Kilo v1.4.3
)
