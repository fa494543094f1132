# global statement, module-level state, shadowing
counter = 0
def increment(by=1):
    global counter
    counter += by
    return counter
increment()
increment(5)
print(counter)
log = []
def record(msg):
    log.append(msg)
record("start")
record("stop")
print(log)
name = "global"
def shadow():
    name = "local"
    return name
print(shadow(), name)
def read_global():
    return name.upper()
print(read_global())
def set_config(key, value):
    global config
    config = {key: value}
set_config("mode", "fast")
print(config)
total = 10
def add_to_total(values):
    global total
    for v in values:
        total += v
add_to_total([1, 2, 3])
print(total)
def make_new_global():
    global fresh
    fresh = "created inside"
make_new_global()
print(fresh)
x = 1
def outer():
    x = 2
    def inner():
        global x
        x = 3
        return x
    r = inner()
    return r, x
print(outer(), x)
PI = 3.14159
def circle_area(r):
    return PI * r * r
print(circle_area(2), f"{circle_area(1.5):.3f}")
state = [0]
def bump():
    state[0] += 1
for _ in range(4):
    bump()
print(state)
