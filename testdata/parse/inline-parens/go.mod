module example.com/i
require ( example.com/a v1.0.0 )
