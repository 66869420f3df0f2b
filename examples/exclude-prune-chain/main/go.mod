module example.com/shop

go 1.22

require (
	example.com/cart v1.1.0
	example.com/img v1.3.0
	example.com/img/v2 v2.1.0
	example.com/log v1.2.0
	example.com/pay v1.0.0
)

// log v1.4.0 broke structured fields.
exclude example.com/log v1.4.0

// pay v1.0.0 is served by its successor; paynext v1.0.0 was itself
// redirected once, but replacements never chain.
replace example.com/pay v1.0.0 => example.com/paynext v1.0.0

replace example.com/paynext v1.0.0 => example.com/payold v0.9.0

replace example.com/unused => example.com/unused v1.0.0
