// Deprecated: use example.com/dawn instead.
module example.com/sunset

go 1.22
