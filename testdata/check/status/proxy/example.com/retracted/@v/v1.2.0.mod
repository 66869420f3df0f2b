module example.com/retracted

go 1.22

// data corruption when the cache is full
retract v1.1.0
