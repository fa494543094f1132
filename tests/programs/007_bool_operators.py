# and/or return operands; not; short-circuit evaluation
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print("a" and "b" and "c", "a" and "" and "c", [] or {} or "last")
print(not 1, not 0, not not "x", True and False, True or False)
calls = []
def check(name, value):
    calls.append(name)
    return value
r = check("a", 0) and check("b", 1)
print(r, calls)
calls = []
r = check("a", 1) and check("b", 2)
print(r, calls)
calls = []
r = check("a", 0) or check("b", 0) or check("c", 3) or check("d", 4)
print(r, calls)
calls = []
r = check("a", 1) or check("b", 1)
print(r, calls)
def name_or_anon(name):
    return name or "anonymous"
print(name_or_anon("bob"), name_or_anon(""), name_or_anon(None))
x = 5
print(x > 3 and x < 10, x > 3 and "yes" or "no", x < 3 and "yes" or "no")
print(True + True, True * 3, False - 1, True == 1, False == 0)
print(None is None, (1 == 1) is not None)
d = {}
v = d.get("missing") or 42
print(v)
print(0.0 or 1.5, 0.1 and -1)
flags = [True, False, True, True]
all_true = True
any_true = False
for f in flags:
    all_true = all_true and f
    any_true = any_true or f
print(all_true, any_true)
