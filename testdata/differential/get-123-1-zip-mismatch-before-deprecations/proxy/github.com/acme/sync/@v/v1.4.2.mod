module github.com/acme/sync

go 1.21

retract v1.4.2
