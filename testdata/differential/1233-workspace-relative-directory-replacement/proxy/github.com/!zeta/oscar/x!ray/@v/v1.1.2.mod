module github.com/Zeta/oscar/xRay

go 1.27
