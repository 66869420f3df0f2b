module github.com/Zeta/yaml

go 1.16

require (
	github.com/acme/quebec v1.0.0-20200827082249-7b6804b01c23
)
