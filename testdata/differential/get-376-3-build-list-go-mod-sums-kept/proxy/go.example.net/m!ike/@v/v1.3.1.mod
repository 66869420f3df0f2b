module go.example.net/mIke

go 1.22.1

require (
	github.com/Zeta/november/log v1.4.0
	github.com/Zeta/november/log v1.4.0
)
