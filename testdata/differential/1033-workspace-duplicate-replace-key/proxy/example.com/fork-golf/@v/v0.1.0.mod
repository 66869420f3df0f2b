module example.com/fork-golf

go 1.22.1

require (
	test.example/romeo/sub v1.1.1
)
