module example.com/a
module example.com/b
module
module a b
