module example.com/x
exclude example.com/a v1.0.0
exclude (
	example.com/a v1.0.0
	example.com/a v1.1.0
)
exclude example.com/b v1
