module github.com/Zeta/india
