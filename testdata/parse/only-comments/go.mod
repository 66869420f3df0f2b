// just a comment

// another
