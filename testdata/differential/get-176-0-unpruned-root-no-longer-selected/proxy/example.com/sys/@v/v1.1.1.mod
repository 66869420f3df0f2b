module example.com/sys

go 1.24.2

require (
	github.com/acme/echo/json v1.4.0-pre.0.20241012073302-6d009635c071
)
