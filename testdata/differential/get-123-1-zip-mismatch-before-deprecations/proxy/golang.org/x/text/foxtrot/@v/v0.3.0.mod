module golang.org/x/text/foxtrot

go 1.27.3

require (
	example.com/oscar v1.4.1
	gopkg.in/kilo.v2 v2.3.3
	example.com/oscar v1.4.1
)
