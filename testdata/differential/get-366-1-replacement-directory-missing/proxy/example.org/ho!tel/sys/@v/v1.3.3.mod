module example.org/hoTel/sys

go 1.18

require (
	example.org/errors v1.0.2-0.20241014005415-b1621337b35d
)
