def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x
print(check(3))
try:
    check(-1)
except KeyError:
    print("wrong handler")
