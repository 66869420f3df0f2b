module example.com/t
tool example.com/t1
tool (
	example.com/t1
	example.com/t2
)
ignore ./a
ignore ./a
ignore ./b
tool a b
ignore
