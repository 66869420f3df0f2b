module example.org/sql/yaml

go 1.23

require (
	example.org/sys v1.1.3
	example.org/delta v1.3.0
	go.example.net/echo v1.3.0
)
