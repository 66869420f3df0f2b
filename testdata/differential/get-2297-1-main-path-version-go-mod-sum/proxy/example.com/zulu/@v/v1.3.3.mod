module example.com/zulu
