# *args: a tuple of the extra positional arguments
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s

print(total(), total(1), total(1, 2, 3))

def head_tail(first, *rest):
    return first, rest

print(head_tail(1))
print(head_tail(1, 2, 3))

def with_default(a, b=10, *more):
    return a + b + len(more)

print(with_default(1), with_default(1, 2), with_default(1, 2, 3, 4, 5))

def make_adder(*base):
    def add(*xs):
        return sum(base) + sum(xs)
    return add

add = make_adder(1, 2)
print(add(), add(10), add(10, 20))

def capture(*args):
    return lambda: args

print(capture(1, 'a', None)())

star_lambda = lambda *a: len(a)
print(star_lambda(), star_lambda(1, 2, 3))

def count_down(*xs):
    if not xs:
        return []
    return [xs[0]] + count_down(*xs[1:])

print(count_down(5, 4, 3, 2, 1))

def args_are_tuples(*a):
    return a == tuple(a), a + (99,)

print(args_are_tuples(1, 2))

def many(*a):
    return len(a), a[-1]

print(many(*range(300)))
