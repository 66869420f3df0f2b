// Deprecated: this module is unmaintained
module example.org/hotel

go 1.23.4

tool example.com/tool
