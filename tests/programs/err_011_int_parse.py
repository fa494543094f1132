# ValueError: invalid literal for int() with base 10
def parse_all(fields):
    out = []
    for f in fields:
        out.append(int(f))
    return out
def total(line):
    return sum(parse_all(line.split(",")))
print(total("1,2,3"))
print(total(" 4, 5 ,6 "))
print(total("7,abc,9"))
