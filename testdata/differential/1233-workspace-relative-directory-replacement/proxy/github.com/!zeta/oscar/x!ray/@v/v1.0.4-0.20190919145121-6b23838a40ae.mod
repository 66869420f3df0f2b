module github.com/Zeta/oscar/xRay

go 1.25.0
