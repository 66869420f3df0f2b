module example.com/s
/* block */
