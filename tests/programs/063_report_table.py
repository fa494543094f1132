# building a formatted report table with f-strings and alignment
rows = [
    ("Widget", 4, 3.5),
    ("Gadget, large", 12, 19.99),
    ("Thingamajig", 1, 1250.0),
    ("Nut", 1500, 0.02),
    ("Doohickey", 0, 7.25),
]
w_name = 0
for name, qty, price in rows:
    if len(name) > w_name:
        w_name = len(name)
header = f"{'Item':<{w_name}} | {'Qty':>6} | {'Price':>9} | {'Total':>11}"
print(header)
print("-" * len(header))
grand = 0.0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<{w_name}} | {qty:>6} | {price:>9.2f} | {total:>11.2f}")
print("=" * len(header))
print(f"{'TOTAL':<{w_name}} | {'':>6} | {'':>9} | {grand:>11.2f}")
print(f"{'items':^20}|{len(rows):^5}|")
print(f"grand total with separators: {int(grand):,}")
for pct in [0.0, 0.125, 0.5, 0.999, 1.0]:
    bar = "#" * int(pct * 20)
    print(f"[{bar:<20}] {pct * 100:6.2f}%")
widths = [3, 8, 12]
for w in widths:
    print(f"|{'abc':>{w}}|{'abc':<{w}}|{'abc':^{w}}|")
for n in [0, 7, -7, 1234, -98765, 10 ** 9]:
    print(f"{n:>12,}|{n:<8}|{n:^9}|{n:06d}")
