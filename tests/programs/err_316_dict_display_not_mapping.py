# TypeError: ** in a dict display needs a mapping
base = {'a': 1}
print({**base, 'b': 2})
print({**base, **[('c', 3)]})
