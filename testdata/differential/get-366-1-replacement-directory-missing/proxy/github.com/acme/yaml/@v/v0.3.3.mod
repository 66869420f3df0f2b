module github.com/acme/yaml

go 1.20

require (
	golang.org/x/sierra/tango v1.1.1-rc.1.0.20200517163631-806568e8abaf
	go.example.net/kiLo/uniform v0.3.0
	github.com/acme/net/net v1.0.0-20180127160354-55f0cde5c312
)
