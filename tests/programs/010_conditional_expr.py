# conditional expressions
def sign(x):
    return "positive" if x > 0 else "negative" if x < 0 else "zero"
for v in [5, -3, 0, 0.5, -0.0]:
    print(v, sign(v))
def abs_val(x):
    return x if x >= 0 else -x
print(abs_val(-7), abs_val(7), abs_val(-2.5))
n = 4
print("even" if n % 2 == 0 else "odd", "big" if n > 100 else "small")
words = ["apple", "kiwi", "banana", "fig"]
for w in words:
    label = "long" if len(w) > 4 else "short"
    print(f"{w}: {label}")
x = 10
y = (x * 2 if x > 5 else x / 2) + 1
print(y)
calls = []
def side(name):
    calls.append(name)
    return name
z = side("then") if True else side("else")
print(z, calls)
z = side("then") if 0 else side("else")
print(z, calls)
fizz = []
for i in range(1, 16):
    fizz.append("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i))
print(" ".join(fizz))
print("ok") if len(fizz) == 15 else print("bad")
m = lambda a, b: a if a > b else b
print(m(3, 9), m(9, 3), m("pear", "apple"))
