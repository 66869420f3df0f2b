module github.com/Zeta/tango

go 1.21

retract [v0.1.1, v0.1.1]
