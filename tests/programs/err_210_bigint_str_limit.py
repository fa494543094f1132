# ValueError: str() of an int over 4300 digits (CPython 3.11's limit)
x = 10 ** 4300
print(len(hex(x)))
print(x)
