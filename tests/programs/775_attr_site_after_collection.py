# Attributes read at cached sites before and after garbage collections that move
# dict storage and reuse rows of dead classes and instances.


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

    def total(self):
        t = 0
        n = self
        while n is not None:
            t += n.v
            n = n.nxt
        return t


def churn(k):
    junk = []
    for i in range(k):
        junk.append([i, str(i), (i, i)])
    return len(junk)


head = None
for i in range(50):
    head = Node(i, head)
sums = []
for rnd in range(6):
    sums.append(head.total())
    churn(20000)
    # new classes and instances that may take the rows of dead ones
    for j in range(30):
        class Tmp:
            v = j

            def total(self):
                return -1
        t = Tmp()
        t.nxt = None
        sums.append(t.v + t.total())
    n = head
    while n is not None:
        n.v += 1
        n = n.nxt
print(sums[:3], sums[-3:], len(sums))


def make(i):
    class K:
        tag = i

        def get(self):
            return self.tag
    return K()


seen = []
for i in range(25):
    o = make(i)
    churn(3000)
    seen.append(o.get() + o.tag)
print(seen == [2 * i for i in range(25)])
