module test.example/fork-crypto/india
