# %-formatting with objects of script classes: str, repr, int and float conversions


class T:
    def __repr__(self):
        return "T()"

    def __str__(self):
        return "a T"

    def __float__(self):
        return 2.5

    def __int__(self):
        return 7

    def __index__(self):
        return 11


t = T()
print("%s|%r|%d|%x|%o" % (t, t, t, t, t))
print("%.2f|%8.3e|%g" % (t, t, t))
print("%-6s|%6r|" % (t, t))
print("%s" % t)
print("%(a)s and %(b)r" % {"a": t, "b": [t]})
print("%*d|%%|%c" % (5, t, T()))
print("[%s]" % [t, (t,)])
try:
    print("%s %s" % (t,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (t, t))
except TypeError as e:
    print("TypeError:", e)


class NoNum:
    pass


try:
    print("%d" % NoNum())
except TypeError as e:
    print("TypeError:", e)
print(float(t), int(t))


class BadFloat:
    def __float__(self):
        return "x"


try:
    float(BadFloat())
except TypeError as e:
    print("TypeError:", e)


class Table:
    def __getitem__(self, key):
        return key.upper()

    def __repr__(self):
        return "Table()"


print("%(abc)s|%(x)r" % Table())
print("%s" % Table(), "%r" % {"t": t})
