// Some text
// Deprecated: not a paragraph start
module example.com/x
