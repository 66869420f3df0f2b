module github.com/acme/quebec

go 1.21

require (
	github.com/acme/text v0.4.1-0.20240610153954-ac09b59013c3
	test.example/term/lima v1.0.3
	test.example/term/lib v0.1.2
)
