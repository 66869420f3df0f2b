module example.com/app

go 1.22

require (
	example.com/fork-me v1.1.0
	example.com/lib v1.2.0
	example.com/local v1.0.0
)

require example.com/util v1.4.0 // indirect

replace example.com/util => example.com/util v1.3.0

replace example.com/fork-me v1.1.0 => github.com/us/fork-me v1.1.1

replace example.com/local => ./local

replace example.com/unused v1.0.0 => example.com/unused v1.0.1
