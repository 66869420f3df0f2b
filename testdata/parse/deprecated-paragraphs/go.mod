// Intro paragraph.
//
// Deprecated:    use example.com/new instead.
// More text in the same paragraph.
//
// Deprecated: second one is ignored.
module example.com/dep
