module example.com/n
require example.com/a 1.0.0
require example.com/b master
exclude example.com/c v1.0.0.0
require example.com/d "v1.0.0\x00"
