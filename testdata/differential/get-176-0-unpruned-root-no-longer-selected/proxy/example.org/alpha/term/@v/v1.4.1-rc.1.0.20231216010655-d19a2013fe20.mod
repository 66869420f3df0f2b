module example.org/alpha/term
