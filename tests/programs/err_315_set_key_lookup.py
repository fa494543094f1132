print({frozenset({1}): 2}[{1}])
