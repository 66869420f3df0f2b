module example.com/inc
