module example.com/u
bogus directive
use ./x
