module github.com/Zeta/sys/oscar
