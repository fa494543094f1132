x = 5
assert x > 0
assert x < 3, f"x is {x}"
