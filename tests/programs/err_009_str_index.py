# IndexError: string index out of range
def char_at(s, i):
    return s[i]
def initials(names):
    out = ""
    for n in names:
        out += char_at(n, 0)
        print("so far:", out)
    return out
print(initials(["Ada", "Grace", "Linus"]))
print(initials(["Bob", ""]))
