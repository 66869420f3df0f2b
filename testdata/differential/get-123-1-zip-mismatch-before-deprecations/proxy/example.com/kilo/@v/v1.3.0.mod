module example.com/kilo

go 1.20

require (
	example.org/sql/lib v0.3.1
	gopkg.in/mike-oscar.v3 v3.4.1-pre
)

replace test.example/romeo v1.0.1 => ../nowhere
