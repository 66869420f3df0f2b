module example.com/m
require example.com/a v1.0.0ÿ
require "example.com/ÿ" "v1\xff"
replace example.com/b => example.com/ÿ
