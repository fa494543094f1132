# f-strings with simple format specs
x = 42
name = "Amber"
pi = 3.14159265
neg = -2.5
print(f"[{x:5}] [{x:<5}] [{x:>5}] [{x:^5}] [{x:d}] [{x:08d}]")
print(f"[{name:10}] [{name:>8}] [{name:<6}] [{name:^9}] [{name:^8}]")
print(f"[{pi:.2f}] [{pi:08.3f}] [{pi:.0f}] [{pi:10.4f}] [{neg:08.3f}] [{neg:.1f}]")
print(f"[{1234567:,}] [{-9876543210:,}] [{999:,}] [{0:,}] [{1234.5:,}]")
print(f"{name!r} {x!r} {pi!r} {'it' + chr(39) + 's'!r}")
print(f"{x + 1} {x * 2} {name.upper()} {len(name)} {x > 40}")
items = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'item':<10}{'price':>8}{'qty':>5}{'total':>9}")
for item, price, qty in items:
    print(f"{item:<10}{price:>8.2f}{qty:>5}{price * qty:>9.2f}")
d = {"k": "value", "n": 7}
print(f"{d['k']} and {d['n']:3}")
print(f"{{literal braces}} {x}")
print(f"{'centered':^12}|{'odd':^6}|{'even':^7}|")
print(f"{3.0} {1e20} {0.1 + 0.2} {None} {True} {[1, 'a']}")
print(f"{-5:5}|{-5:<5}|{-5:^5}|{5.5:6}|{'ab':>1}")
for i in range(1, 4):
    print(f"row {i:2}: {i * i:3} {i / 3:.3f}")
s = f"{x}" + f"{x}"
print(s, len(s))
print(f"{'x' * 3:>6}", f"{2 ** 10:,}", f"{-0.5:.0f}", f"{0.05:.1f}")
