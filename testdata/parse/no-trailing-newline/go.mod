module example.com/n
require example.com/a v1.0.0 // indirect