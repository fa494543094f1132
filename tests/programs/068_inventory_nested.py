# nested dict/list data: an inventory with orders
inventory = {
    "apple": {"price": 0.5, "stock": 100, "tags": ["fruit", "red"]},
    "banana": {"price": 0.25, "stock": 150, "tags": ["fruit", "yellow"]},
    "carrot": {"price": 0.1, "stock": 0, "tags": ["vegetable", "orange"]},
    "donut": {"price": 1.75, "stock": 12, "tags": ["bakery"]},
}
orders = [
    ("ann", [("apple", 10), ("donut", 2)]),
    ("bob", [("carrot", 5), ("banana", 12)]),
    ("cy", [("donut", 11), ("apple", 95), ("kiwi", 1)]),
]
receipts = {}
for customer, lines in orders:
    total = 0.0
    notes = []
    for item, qty in lines:
        entry = inventory.get(item)
        if entry is None:
            notes.append(f"no such item {item!r}")
            continue
        if entry["stock"] < qty:
            notes.append(f"only {entry['stock']} {item} left")
            qty = entry["stock"]
        entry["stock"] -= qty
        total += qty * entry["price"]
    receipts[customer] = (int(total * 100 + 0.5) / 100, notes)
for customer in receipts:
    print(customer, receipts[customer])
print("stock:", end=" ")
for name, entry in inventory.items():
    print(f"{name}={entry['stock']}", end=" ")
print()
by_tag = {}
for name, entry in inventory.items():
    for tag in entry["tags"]:
        by_tag.setdefault(tag, []).append(name)
print(by_tag)
out_of_stock = []
for name in inventory:
    if inventory[name]["stock"] == 0:
        out_of_stock.append(name)
print("out of stock:", out_of_stock)
inventory["apple"]["tags"].append("sale")
inventory["egg"] = {"price": 0.3, "stock": 24, "tags": []}
del inventory["carrot"]
print(list(inventory), inventory["apple"])
value = 0.0
for entry in inventory.values():
    value += entry["price"] * entry["stock"]
print(f"stock value: {value:.2f}")
