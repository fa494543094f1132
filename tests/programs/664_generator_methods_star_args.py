# g.send(*args), g.throw(*args), g.close(*args) and their arity errors.
def gen():
    while True:
        try:
            x = yield 1
            print("got", x)
        except KeyError as e:
            print("KE", e)
g = gen(); next(g)
print(g.send(*[5]))
print(g.throw(*[KeyError, "a"]))
for bad in ([], [1, 2], ):
    try: g.send(*bad)
    except TypeError as e: print(e)
for bad in ([], [1, 2, 3, 4]):
    try: g.throw(*bad)
    except TypeError as e: print(e)
try: g.close(*[1])
except TypeError as e: print(e)
g.close(*[])
print("done")
