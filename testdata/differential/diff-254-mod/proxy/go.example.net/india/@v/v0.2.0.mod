module go.example.net/india

go 1.21rc1

require (
	go.example.net/victor/lib v1.1.0
	go.example.net/victor/lib v1.4.3
)
