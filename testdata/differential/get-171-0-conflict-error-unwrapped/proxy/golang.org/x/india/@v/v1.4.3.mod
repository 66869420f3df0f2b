module golang.org/x/india

go 1.24.2

require (
	golang.org/x/india/sub v1.4.0
)
