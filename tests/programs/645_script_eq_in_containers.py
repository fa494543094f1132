# == inside containers, in, list.index/count/remove, sorted/min/max and ordering of
# sequences call a script's __eq__ (and __lt__) on the items, as CPython does
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o): return isinstance(o, P) and s.x == o.x
    def __hash__(s): return hash(s.x)
    def __repr__(s): return "P(%d)" % s.x
    def __lt__(s, o): return s.x < o.x
class Q(P): pass
class N:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return o == s.v
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: [P(1)] == [P(1)])
t(lambda: [P(1)] != [P(1)])
t(lambda: (P(1), 2) == (P(1), 2))
t(lambda: [[P(1)], (P(2),)] == [[P(1)], (P(2),)])
t(lambda: P(1) in [P(1)])
t(lambda: 3 in [N(3)])
t(lambda: [N(3)] == [3])
t(lambda: [3] == [N(3)])
t(lambda: P(1) in (P(2), P(1)))
t(lambda: [P(1), P(2)].index(P(2)))
t(lambda: [P(1), P(2)].index(P(3)))
t(lambda: (P(1), P(2)).index(P(9)))
t(lambda: [P(1), P(2), P(1)].count(P(1)))
t(lambda: (P(1), Q(1)).count(Q(1)))
l = [P(1), P(2)]
l.remove(P(2))
print(l)
t(lambda: l.remove(P(5)))
t(lambda: P(1) != P(1))
t(lambda: {"a": P(1)} == {"a": P(1)})
t(lambda: {"a": [P(1)]} != {"a": [P(2)]})
t(lambda: (P(1), 1) < (P(1), 2))
t(lambda: [P(1), P(3)] < [P(1), P(2)])
t(lambda: sorted([(P(2), "b"), (P(1), "z"), (P(2), "a")]))
t(lambda: max([[P(1), 5], [P(1), 7]]))
t(lambda: [P(1), 2] == [P(1), 2.0])
class P:
    def __init__(s, x): s.x = x
    def __eq__(s, o): return s.x == o.x
    def __repr__(s): return "P"
l = [P(1), P(2), P(1)]
print(l.index(P(1), 1), l.index(P(1), -2), (P(3), P(1)).index(P(1)))
try:
    l.index(P(2), 2)
except ValueError as e:
    print(e)
