module go.example.net/term/Lib

go 1.11

require (
	example.org/sql/sync v1.4.0
)
