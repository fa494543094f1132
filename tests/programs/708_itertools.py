import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("abc"), 7)), list(cycle([])), list(repeat("x", 3)), list(islice(repeat(1), 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)),
      list(accumulate([1, 2, 3], initial=100)), list(accumulate([])), list(accumulate([], initial=0)))
print(list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable(["xy", [1, 2]])), list(chain()))
c = chain([1], [2])
print(next(c), next(c), next(c, "done"))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("AB", [1, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
for k, g in groupby("AAAABBBCCDAABBB"):
    print(k, list(g))
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print([k for k, g in groupby([1, 1, 2, 3, 3])], [list(g) for k, g in groupby([1, 2, 4, 5, 7], key=lambda x: x // 3)])
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice(range(10), 1, 9, 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 0, 6, 2)), next(it, "end"))
it = iter(range(10))
print(list(islice(it, 1, 5, 3)), next(it), list(islice(it, 2)), next(it))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda a, b: a + b, zip("ab", "cd"))))
a, b = tee([1, 2, 3])
print(list(a), list(b), [list(t) for t in tee("xy", 3)], tee([], 0))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [2, 3], [])))
print(list(product("ab", range(2))), list(product([0, 1], repeat=2)), len(list(product("abc", repeat=3))))
print(list(product()), list(product([], [1])))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations([1], 2)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations([1], 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 0)))
print(list(pairwise("ABCDE")), list(pairwise([1])), list(itertools.pairwise(range(3))))
total = 0
for i, (x, y) in enumerate(zip(count(1), "abc")):
    total += x
print(total, sum(islice(count(), 100)))
try:
    islice([1], -1)
except ValueError as e:
    print("ValueError:", e)
try:
    list(combinations([1, 2], -1))
except ValueError as e:
    print("ValueError:", e)
