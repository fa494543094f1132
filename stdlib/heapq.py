# Amber's heapq module, written in the Amber subset (compiled into the programs that
# import it; docs/design.md "Modules").  CPython's algorithms (Lib/heapq.py and the
# C accelerator _heapq), so the heaps, the comparisons made and the errors match.

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check(name, heap):
    if type(heap) is not list:
        raise TypeError(name + "() argument 1 must be list, not " + type(heap).__name__)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check("heappush", heap)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check("heappop", heap)
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item."""
    _check("heapreplace", heap)
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    _check("heappushpop", heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check("heapify", x)
    n = len(x)
    for i in range(n // 2 - 1, -1, -1):
        _siftup(x, i)


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def _heapify_max(x):
    n = len(x)
    for i in range(n // 2 - 1, -1, -1):
        _siftup_max(x, i)


def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _entry_lt(a, b):
    # [key, order, ...] entries: the order numbers differ, so the rest never counts
    if a[0] < b[0]:
        return True
    if b[0] < a[0]:
        return False
    return a[1] < b[1]


def _msift(h, pos, rev):
    # sift entry h[pos] down a heap of merge() entries (max-heap when rev)
    endpos = len(h)
    newitem = h[pos]
    startpos = pos
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos:
            if rev:
                if not _entry_lt(h[rightpos], h[childpos]):
                    childpos = rightpos
            elif not _entry_lt(h[childpos], h[rightpos]):
                childpos = rightpos
        h[pos] = h[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    h[pos] = newitem
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = h[parentpos]
        if _entry_lt(parent, newitem) if rev else _entry_lt(newitem, parent):
            h[pos] = parent
            pos = parentpos
            continue
        break
    h[pos] = newitem


def _mpop(h, rev):
    last = h.pop()
    if h:
        h[0] = last
        _msift(h, 0, rev)


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output (a generator)."""
    h = []
    direction = -1 if reverse else 1
    order = 0
    for x in iterables:
        it = iter(x)
        for value in it:
            h.append([value if key is None else key(value), order * direction, value, it])
            break
        order += 1
    for i in range(len(h) // 2 - 1, -1, -1):
        _msift(h, i, reverse)
    while len(h) > 1:
        s = h[0]
        yield s[2]
        for value in s[3]:
            s[0] = value if key is None else key(value)
            s[2] = value
            _msift(h, 0, reverse)
            break
        else:
            _mpop(h, reverse)
    if h:
        s = h[0]
        yield s[2]
        yield from s[3]


def _size(x):
    # len(x) when x has a length, else -1 (Amber's len() of an iterator differs)
    if isinstance(x, (list, tuple, str, dict, set, frozenset, range)):
        return len(x)
    if __amber_userclass(x) is not None and \
            __amber_lookup(type(x), "__len__", _NOLEN) is not _NOLEN:
        return len(x)
    return -1


_NOLEN = []


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset: sorted(iterable, key=key)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    size = _size(iterable)
    if size >= 0:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if key is None:
        it = iter(iterable)
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result = sorted(result)
        return [r[0] for r in result]
    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result = sorted(result)
    return [r[2] for r in result]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset: sorted(iterable, key=key,
    reverse=True)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    size = _size(iterable)
    if size >= 0:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if key is None:
        it = iter(iterable)
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result = sorted(result, reverse=True)
        return [r[0] for r in result]
    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result = sorted(result, reverse=True)
    return [r[2] for r in result]
