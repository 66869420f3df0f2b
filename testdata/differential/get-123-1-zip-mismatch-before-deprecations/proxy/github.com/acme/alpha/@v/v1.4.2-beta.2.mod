module github.com/acme/alpha

go 1.27

require (
	example.com/json/victor v1.3.1
)
