module example.com/sys
