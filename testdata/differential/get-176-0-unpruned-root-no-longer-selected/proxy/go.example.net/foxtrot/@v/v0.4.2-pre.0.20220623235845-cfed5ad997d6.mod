module go.example.net/foxtrot

go 1.13

require (
	golang.org/x/core/foxtrot v0.0.3-beta.2.0.20181105082309-ef46379192ca
	example.org/log v0.4.0
)
