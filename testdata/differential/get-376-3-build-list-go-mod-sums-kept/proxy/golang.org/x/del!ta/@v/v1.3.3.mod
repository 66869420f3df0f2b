module golang.org/x/delTa

require (
	github.com/Zeta/november/log v1.4.0
	go.example.net/mIke v1.3.1
	go.example.net/mIke v1.3.1
)
