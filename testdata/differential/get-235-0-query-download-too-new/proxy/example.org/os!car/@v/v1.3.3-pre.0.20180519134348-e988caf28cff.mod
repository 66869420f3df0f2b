module example.org/osCar
