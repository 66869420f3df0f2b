module example.com/r
replace example.com/a => ./a
replace example.com/a v1.0.0 => example.com/b v1.1.0
replace (
	example.com/c => ../c
	example.com/d v1 => /abs/d
)
replace example.com/a => ./a2
replace example.com/a v1.0.0 => ./later
replace example.com/c v1.0.0 => ./c1
