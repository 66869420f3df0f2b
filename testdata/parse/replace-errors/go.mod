module example.com/r
replace example.com/a => example.com/b
replace example.com/a => example.com/b@v1.0.0
replace example.com/a => ./dir v1.0.0
replace example.com/a => .\win
replace example.com/a=>./x
replace example.com/a v1.0.0 v2 => ./x
replace example.com/a/v1 => ./x
replace example.com/a/v2 v1.0.0 => ./x
replace example.com/a v1.0.0 => example.com/b 1.0
