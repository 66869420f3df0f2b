module github.com/Zeta/foxtrot/uniform

go 1.26.1
