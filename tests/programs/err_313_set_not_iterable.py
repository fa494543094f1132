print(set(5))
