module example.com/core

exclude example.com/kilo v1.3.0
