module example.com/text

require (
	github.com/acme/juliet v1.2.0
	go.example.net/lima/papa v2.4.1+incompatible
	example.com/yaml v1.3.2
	go.example.net/lima/papa v0.1.2
)
