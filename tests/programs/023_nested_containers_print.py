# printing nested containers with strings, floats, None and bools
data = {
    "name": "probe",
    "pos": (1.5, -2.0, 0.1 + 0.2),
    "tags": ["a", "it's", "q\"q"],
    "meta": {"ok": True, "err": None, "ratio": 1 / 3},
    "matrix": [[1, 2.0], [3e-5, 1e16]],
    "empty": [[], (), {}],
    "single": (1,),
}
print(data)
print(data["pos"], data["tags"], data["meta"])
print(str(data["matrix"]), repr(data["empty"]))
print([[[]]], [(), [()]], ((1, 2), (3, (4, (5,)))))
print({1: "one", 2.5: [2.5], (1, 2): {"x": None}, "k": (True, False)})
print([1.0, 2.50, -0.0, 100.0, 1e-10, float("inf")])
print(repr([1, "1"]), str([1, "1"]), str(("a",)), str({"a": "b"}))
rows = []
for i in range(3):
    row = []
    for j in range(3):
        row.append((i, j * 0.5))
    rows.append(row)
print(rows)
print(list(data.keys()))
print(list(data["meta"].items()))
print(f"{data['tags']} {data['single']}")
