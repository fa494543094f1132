print(set(1, 2))
