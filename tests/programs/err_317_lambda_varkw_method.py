# TypeError: a builtin method called with an unexpected keyword through **
words = ['b', 'a']
words.sort(**{'reverse': True})
print(words)
words.append(*['c'], **{'where': 0})
