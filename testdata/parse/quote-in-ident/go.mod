module example.com/it's
require example.com/a v1.0.0'
