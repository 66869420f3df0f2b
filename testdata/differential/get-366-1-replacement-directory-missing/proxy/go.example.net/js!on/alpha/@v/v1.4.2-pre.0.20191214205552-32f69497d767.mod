module go.example.net/jsOn/alpha

go 1.26.1

require (
	example.org/tExt v1.4.2
	test.example/golf/juLiet v1.0.0-20220401000614-29bcb926349e
	golang.org/x/whiskey/hotel v0.0.1
)
