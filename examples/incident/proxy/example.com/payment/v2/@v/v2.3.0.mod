module example.com/payment/v2

go 1.22

require github.com/shared/auth v1.8.3
