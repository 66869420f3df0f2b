module example.org/kilo

go 1.27

toolchain go1.22.3

require (
	example.com/papa/november v0.3.1
	go.example.net/echo v1.1.1
)
