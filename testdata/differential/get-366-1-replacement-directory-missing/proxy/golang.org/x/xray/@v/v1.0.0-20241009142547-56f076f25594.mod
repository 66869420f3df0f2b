module golang.org/x/xray

go 1.20

require (
	go.example.net/kiLo/uniform v0.2.4-0.20191211130553-f11584f82be6
)
