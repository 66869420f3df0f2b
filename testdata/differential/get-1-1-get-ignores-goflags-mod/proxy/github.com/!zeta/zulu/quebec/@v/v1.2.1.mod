module github.com/Zeta/zulu/quebec

go 1.25
