# NameError for an undefined name, raised two calls deep
def total_price(items):
    total = 0
    for name, qty in items:
        total += qty * lookup_price(name)
    return total
def lookup_price(name):
    prices = {"apple": 2, "pear": 3}
    if name in prices:
        return prices[name]
    return fallback_price_table_entry
print("pricing")
print(total_price([("apple", 2), ("pear", 1)]))
print(total_price([("apple", 1), ("durian", 1)]))
print("not reached")
