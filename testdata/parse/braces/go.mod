module example.com/p
require {example.com/a} v1.0.0
