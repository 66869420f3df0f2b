module github.com/acme/yankee
