module example.org/text
