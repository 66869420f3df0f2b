module github.com/acme/whiskey

go 1.21

require (
	example.com/zulu v1.2.0
	go.example.net/yaml/victor v1.4.2
)
