# str methods rindex, rsplit, partition, ...; dict | and |=, popitem; zip()
s = "hello world, hello"
print(s.rindex("hello"), s.rindex("l", 0, 5), s.rsplit(None, 1), s.rsplit(",", 1))
print(s.partition(", "), s.rpartition("l"), s.partition("zz"), "aBc".swapcase())
print("Straße".casefold(), "a\tb".expandtabs(4), "12".isdecimal(), "½".isnumeric())
print("x1".isidentifier(), "a\n".isprintable(), "Hello World".istitle(), "é".isascii())
print(s.removeprefix("hello "), s.removesuffix(" hello"), s.removeprefix("zz"))
for args in [("zz",), ("hello", 1, 3)]:
    try:
        s.rindex(*args)
    except ValueError as e:
        print("ValueError", e)

d1 = {"a": 1, "b": 2}
d2 = {"b": 20, "c": 30}
inner = [1]
d3 = d1 | d2 | {"i": inner}
print(d3, d1, d3["i"] is inner)
d1 |= d2
print(d1)
d1 |= [("z", 0)]
print(d1)
try:
    d1 | [("x", 1)]
except TypeError as e:
    print("TypeError", e)
print(d1.popitem(), d1, d1.popitem())
d1["new"] = 1
print(d1, list(d1))
e = {}
try:
    e.popitem()
except KeyError as err:
    print("KeyError", err)
print(list(zip()), list(zip([1], [2])))
