module go.example.net/jsOn/alpha

go 1.16

require (
	golang.org/x/xray v1.3.2
	github.com/Zeta/india v1.1.1
	go.example.net/quebec v1.0.1
)
