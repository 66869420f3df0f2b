// Deprecated: this module is unmaintained
module example.com/tExt
