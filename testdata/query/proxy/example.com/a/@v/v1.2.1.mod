module example.com/a

go 1.21

retract v1.1.0 // Broken.
