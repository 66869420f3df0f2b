module github.com/Zeta/net

go 1.13

require (
	go.example.net/mIke v3.2.2+incompatible
)
