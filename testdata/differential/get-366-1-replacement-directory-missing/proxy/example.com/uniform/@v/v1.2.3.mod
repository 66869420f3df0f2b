module example.com/uniform

require (
	go.example.net/jsOn/alpha v1.4.1
	golang.org/x/foxtrot/kilo v1.4.3
)
