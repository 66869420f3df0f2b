// Deprecated: use example.com/b.
module example.com/inc

go 1.21
