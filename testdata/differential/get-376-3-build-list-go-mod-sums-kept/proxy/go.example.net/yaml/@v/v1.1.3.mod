module go.example.net/yaml

go 1.16

require (
	github.com/acme/sieRra v1.1.3
	go.example.net/mIke v3.2.2+incompatible
)
