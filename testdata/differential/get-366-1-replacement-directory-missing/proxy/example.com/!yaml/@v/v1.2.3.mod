module example.com/Yaml

go 1.23.4

require (
	example.org/hoTel/sys v1.3.3
	example.org/victor/sql v1.0.2
	golang.org/x/foxtrot/kilo v1.4.3
)
