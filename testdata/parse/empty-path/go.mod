module ""
require "" v1.0.0
exclude "" v1.0.0
replace "" => ./x
