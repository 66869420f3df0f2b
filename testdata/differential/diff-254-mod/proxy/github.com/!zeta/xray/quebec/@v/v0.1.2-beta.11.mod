module github.com/Zeta/xray/quebec

go 1.25
