// Deprecated: this module is unmaintained
module example.org/sierra

go 1.21.0
