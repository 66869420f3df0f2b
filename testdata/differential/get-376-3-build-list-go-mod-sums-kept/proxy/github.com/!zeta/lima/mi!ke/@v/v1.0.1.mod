module github.com/Zeta/lima/miKe

go 1.23.4

require (
	go.example.net/mIke v3.2.2+incompatible
)
