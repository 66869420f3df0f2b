module github.com/acme/log

require (
	go.example.net/foxtrot v0.4.2-pre.0.20220623235845-cfed5ad997d6
)
