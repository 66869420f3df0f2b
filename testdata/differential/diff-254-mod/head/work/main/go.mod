module example.com/main

go 1.27.3

require example.com/charlie/json v1.2.0
require github.com/Zeta/xray/quebec v0.1.2-beta.11
require github.com/acme/alpha/papa v1.3.3
require github.com/acme/sierra v1.2.3-RC1
require go.example.net/victor/lib v1.4.3
require test.example/november/term v1.1.0
require test.example/text v1.0.2-alpha.1

replace test.example/text v1.1.2 => test.example/november/term v1.1.0
replace github.com/acme/sierra => example.com/charlie/json v1.1.2
replace example.com/charlie/json => go.example.net/india v0.2.0
