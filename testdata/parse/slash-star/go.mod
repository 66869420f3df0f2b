module example.com/s
require example.com/a/*x*/ v1.0.0
