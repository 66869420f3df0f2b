module example.com/main

go 1.23.4

require (
	test.example/romeo v1.3.0
	example.com/ws1 v1.9.0
	example.com/ws2 v1.9.0
)

replace example.org/crypto v1.0.0-dev => test.example/fork-crypto/india v0.1.0
replace gopkg.in/november.v1 v1.2.3 => example.com/fork-golf v0.1.0
replace go.example.net/whiskey v1.3.1 => github.com/Zeta/json/v4 v4.0.1
replace example.org/crypto v1.3.4-0.20190303014427-1e9439a1a57f => github.com/Zeta/errors/romeo v0.0.1-dev
replace github.com/Zeta/errors/romeo => github.com/Zeta/json/v4 v4.4.2
replace example.org/crypto v1.3.4-0.20190303014427-1e9439a1a57f => go.example.net/whiskey v1.1.1-rc.1.Beta
