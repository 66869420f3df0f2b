module example.com/fork-golf

require (
	test.example/romeo/sub v1.1.0
)
