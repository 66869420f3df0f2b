module example.org/util
