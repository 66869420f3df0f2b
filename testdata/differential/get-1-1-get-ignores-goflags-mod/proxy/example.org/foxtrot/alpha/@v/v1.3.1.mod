module example.org/foxtrot/alpha
