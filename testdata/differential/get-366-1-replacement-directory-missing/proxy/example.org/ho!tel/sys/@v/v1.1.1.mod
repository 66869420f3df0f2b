module example.org/hoTel/sys

go 1.17
