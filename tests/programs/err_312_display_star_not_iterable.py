# TypeError: a starred item in a list display that is not iterable
a = [1]
print([*a, 2])
print([*a, *None])
