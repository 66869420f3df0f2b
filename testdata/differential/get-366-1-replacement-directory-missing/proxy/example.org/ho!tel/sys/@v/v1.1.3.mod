module example.org/hoTel/sys

go 1.27

require (
	test.example/util v1.2.3
)
