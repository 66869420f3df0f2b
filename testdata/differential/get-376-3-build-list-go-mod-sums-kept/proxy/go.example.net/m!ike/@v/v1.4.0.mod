module go.example.net/mIke

go 1.23

require (
	golang.org/x/mike v1.0.2
	github.com/acme/sieRra v1.9.9
)
