module example.com/yaml

require (
	golang.org/x/papa/india v1.4.0
)
