s = {4}
print(s.pop())
s.pop()
