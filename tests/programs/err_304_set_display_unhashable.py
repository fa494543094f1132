x = [1, 2]
print({1, x})
