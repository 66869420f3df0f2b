module example.com/t
go 1.24
tool example.com/t1
tool (
	example.com/t1
	example.com/t2
)
ignore ./a
ignore (
	./a
	./b
)
