module github.com/acme/net/net
