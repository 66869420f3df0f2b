module example.com/kilo/yankee

go 1.21

toolchain go1.21.0

require (
	example.com/quebec/log v1.3.1
)

replace go.example.net/foxtrot v1.2.3 => ../nowhere
