module example.com/r
retract v1.0
retract [v1, v2]
retract v1.0.0+meta
