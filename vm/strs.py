"""The common str methods and chr() inside the numba loop (CPython's semantics).

Each function handles the common argument shapes and returns a status, or
NOT_HANDLED when the call is anything else (other argument types, a big int
index, non-ASCII text for the case methods, an error to report): the caller then
hands the call to the host, which runs CPython's own method and raises its errors.
Results that equal the receiver (or the only item joined) are the receiver itself,
as in CPython.  Work is charged as fuel (heap.charge): one unit per WORK_UNIT
characters scanned or copied, the same whatever the arenas look like.
"""

import numpy as np
from .jit import njit

from . import CACHE
from .mem import sig, S_, H_, V_, CH_

from .layout import (A, B, NONE, BOOL, INT, STR, LIST, TUPLE, ST_RUNNING,
                     ST_NEED_MEMORY)
from . import heap
from .builtins import (
    M_STR_SPLIT, M_STR_JOIN, M_STR_STRIP, M_STR_LSTRIP, M_STR_RSTRIP, M_STR_REPLACE,
    M_STR_FIND, M_STR_STARTSWITH, M_STR_ENDSWITH, M_STR_UPPER, M_STR_LOWER, M_STR_COUNT,
    M_STR_INDEX, M_STR_ISDIGIT, M_STR_ISALPHA, M_STR_ISSPACE, M_STR_RFIND, M_STR_ISUPPER,
    M_STR_ISLOWER, M_STR_ISALNUM, M_STR_RINDEX,
)

NOT_HANDLED = -1
BIG = 1 << 62          # "no end given" (clamped to the length)


@njit(sig("b1(i8)"), cache=CACHE)
def is_space(c):
    """Python's str.isspace() for one code point (what split() and strip() use)."""
    if c <= 32:
        return c == 32 or 9 <= c <= 13 or 28 <= c <= 31
    if c < 0x85:
        return False
    return (c == 0x85 or c == 0xA0 or c == 0x1680 or 0x2000 <= c <= 0x200A or c == 0x2028
            or c == 0x2029 or c == 0x202F or c == 0x205F or c == 0x3000)


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def slice_str(st, s, start, n):
    """A new str of s[start:start+n] (room reserved), or s itself if that is all of it."""
    if start == 0 and n == H_(st)[s, B]:
        return s
    return heap.str_from_slice(st, s, start, n)


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def match_at(st, s, i, sub):
    """How many characters of str row sub match str row s from index i (in range):
    H[sub, B] when sub occurs there."""
    H = H_(st)
    CH = CH_(st)
    o = H[s, A] + i
    so = H[sub, A]
    m = H[sub, B]
    for j in range(m):
        if CH[o + j] != CH[so + j]:
            return j
    return m


@njit(sig("i8(P, i8, i8, i8, i8, i8)"), cache=CACHE)
def find_in(st, s, sub, start, end, step):
    """The first (step 1) or last (step -1) index of sub in s[start:end], or -1
    (start, end already within the string).  Charges the characters compared."""
    m = H_(st)[sub, B]
    last = end - m
    if last < start:
        return -1
    work = 0
    found = -1
    if step > 0:
        for i in range(start, last + 1):
            k = match_at(st, s, i, sub)
            work += k + 1
            if k == m:
                found = i
                break
    else:
        for i in range(last, start - 1, -1):
            k = match_at(st, s, i, sub)
            work += k + 1
            if k == m:
                found = i
                break
    heap.charge(st, work)
    return found


@njit(cache=CACHE)
def int_arg(st, slot, default):
    """An optional index argument: (value, ok); None gives the default."""
    t = S_(st)[slot, 0]
    if t == INT or t == BOOL:
        return S_(st)[slot, 1], True
    if t == NONE:
        return default, True
    return 0, False


@njit(cache=CACHE)
def range_args(st, sp, n, first, length):
    """The optional start and end at S[sp-n+first...] adjusted as CPython's
    ADJUST_INDICES: (start, end, ok)."""
    start = 0
    end = BIG
    ok = True
    if n > first:
        start, ok = int_arg(st, sp - n + first, 0)
    if ok and n > first + 1:
        end, ok = int_arg(st, sp - n + first + 1, BIG)
    if end > length:
        end = length
    elif end < 0:
        end += length
        if end < 0:
            end = 0
    if start < 0:
        start += length
        if start < 0:
            start = 0
    return start, end, ok


@njit(cache=CACHE)
def tail_match(st, s, sub, start, end, at_end):
    """CPython's tailmatch: does s[start:end] start (end) with sub."""
    m = H_(st)[sub, B]
    end -= m
    if end < start:
        return False
    if m == 0:
        return True
    heap.charge(st, m)
    return match_at(st, s, end if at_end else start, sub) == m


@njit(cache=CACHE)
def str_search(st, mid, sp, n):
    """startswith, endswith, find, rfind, index, rindex, count."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    if n < 1 or n > 3:
        return NOT_HANDLED
    length = H[me, B]
    start, end, ok = range_args(st, sp, n, 1, length)
    if not ok:
        return NOT_HANDLED
    t = S[sp - n, 0]
    v = S[sp - n, 1]
    if mid == M_STR_STARTSWITH or mid == M_STR_ENDSWITH:
        at_end = mid == M_STR_ENDSWITH
        if t == STR:
            r = tail_match(st, me, v, start, end, at_end)
        elif t == TUPLE:
            o = H[v, A]
            for i in range(H[v, B]):
                if V[o + i, 0] != STR:
                    return NOT_HANDLED      # TypeError: the host words it
            r = False
            for i in range(H[v, B]):
                if tail_match(st, me, V[o + i, 1], start, end, at_end):
                    r = True
                    break
        else:
            return NOT_HANDLED
        S[res, 0] = BOOL
        S[res, 1] = 1 if r else 0
        return ST_RUNNING
    if t != STR:
        return NOT_HANDLED
    m = H[v, B]
    if mid == M_STR_COUNT:
        c = 0
        if end - start >= m:
            if m == 0:
                c = end - start + 1
            else:
                i = start
                while True:
                    k = find_in(st, me, v, i, end, 1)
                    if k < 0:
                        break
                    c += 1
                    i = k + m
        S[res, 0] = INT
        S[res, 1] = c
        return ST_RUNNING
    forward = mid == M_STR_FIND or mid == M_STR_INDEX
    if end - start < m:
        k = -1
    elif m == 0:
        k = start if forward else end
    else:
        k = find_in(st, me, v, start, end, 1 if forward else -1)
    if k < 0 and (mid == M_STR_INDEX or mid == M_STR_RINDEX):
        return NOT_HANDLED      # ValueError: substring not found (the host raises it)
    S[res, 0] = INT
    S[res, 1] = k
    return ST_RUNNING


@njit(cache=CACHE)
def split_ws(st, me, maxsplit, out, build):
    """str.split() on whitespace: the number of pieces; with build, their bounds
    (start, length) go to out[i] ... (CPython's split_whitespace)."""
    CH = CH_(st)
    o = H_(st)[me, A]
    n = H_(st)[me, B]
    count = 0
    i = 0
    left = maxsplit
    while left != 0:
        while i < n and is_space(CH[o + i]):
            i += 1
        if i == n:
            break
        j = i
        i += 1
        while i < n and not is_space(CH[o + i]):
            i += 1
        if build:
            out[count, 0] = j
            out[count, 1] = i - j
        count += 1
        left -= 1
    if i < n:
        while i < n and is_space(CH[o + i]):
            i += 1
        if i != n:
            if build:
                out[count, 0] = i
                out[count, 1] = n - i
            count += 1
    return count


@njit(cache=CACHE)
def split_sep(st, me, sep, maxsplit, out, build):
    """str.split(sep): the number of pieces; with build, their bounds."""
    n = H_(st)[me, B]
    m = H_(st)[sep, B]
    count = 0
    i = 0
    left = maxsplit
    while left != 0:
        k = find_in(st, me, sep, i, n, 1)
        if k < 0:
            break
        if build:
            out[count, 0] = i
            out[count, 1] = k - i
        count += 1
        i = k + m
        left -= 1
    if build:
        out[count, 0] = i
        out[count, 1] = n - i
    return count + 1


@njit(cache=CACHE)
def str_split(st, sp, n):
    """str.split(sep=None, maxsplit=-1) with positional arguments."""
    S = S_(st)
    H = H_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    if n > 2:
        return NOT_HANDLED
    sep = -1
    if n >= 1:
        if S[sp - n, 0] == STR:
            sep = S[sp - n, 1]
            if H[sep, B] == 0:
                return NOT_HANDLED      # ValueError: empty separator
        elif S[sp - n, 0] != NONE:
            return NOT_HANDLED
    maxsplit = -1
    if n == 2:
        if S[sp - 1, 0] != INT and S[sp - 1, 0] != BOOL:
            return NOT_HANDLED
        maxsplit = S[sp - 1, 1]
    if maxsplit < 0:
        maxsplit = -1
    dummy = np.empty((0, 2), np.int64)
    if sep < 0:
        pieces = split_ws(st, me, maxsplit, dummy, False)
    else:
        pieces = split_sep(st, me, sep, maxsplit, dummy, False)
    if not heap.reserve(st, pieces + 1, pieces, H[me, B]):
        return ST_NEED_MEMORY
    bounds = np.empty((pieces, 2), np.int64)
    if sep < 0:
        split_ws(st, me, maxsplit, bounds, True)
    else:
        split_sep(st, me, sep, maxsplit, bounds, True)
    lst = heap.new_list(st, pieces, pieces)
    S[res, 0] = LIST            # rooted before the pieces are made (no GC here anyway)
    S[res, 1] = lst
    lo = H[lst, A]
    V = V_(st)
    for i in range(pieces):
        V[lo + i, 0] = STR
        V[lo + i, 1] = slice_str(st, me, bounds[i, 0], bounds[i, 1])
    heap.charge(st, H[me, B] + pieces)
    return ST_RUNNING


@njit(cache=CACHE)
def str_join(st, sp, n):
    """sep.join(list or tuple of str)."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    if n != 1 or (S[sp - 1, 0] != LIST and S[sp - 1, 0] != TUPLE):
        return NOT_HANDLED
    seq = S[sp - 1, 1]
    k = H[seq, B]
    o = H[seq, A]
    total = 0
    for i in range(k):
        if V[o + i, 0] != STR:
            return NOT_HANDLED      # TypeError (or an object's __str__ is not called)
        total += H[V[o + i, 1], B]
    m = H[me, B]
    if k > 1:
        total += m * (k - 1)
    if k == 1:
        S[res, 0] = STR
        S[res, 1] = V[o, 1]
        return ST_RUNNING
    if not heap.reserve(st, 1, 0, total):
        return ST_NEED_MEMORY
    r = heap.new_str(st, total)
    CH = CH_(st)
    d = H[r, A]
    so = H[me, A]
    for i in range(k):
        if i > 0:
            for j in range(m):
                CH[d + j] = CH[so + j]
            d += m
        s = V[o + i, 1]
        io = H[s, A]
        for j in range(H[s, B]):
            CH[d + j] = CH[io + j]
        d += H[s, B]
    S[res, 0] = STR
    S[res, 1] = r
    heap.charge(st, total + k)
    return ST_RUNNING


@njit(cache=CACHE)
def in_chars(st, chars, c):
    """Whether code point c is one of the characters of str row chars."""
    CH = CH_(st)
    o = H_(st)[chars, A]
    for j in range(H_(st)[chars, B]):
        if CH[o + j] == c:
            return True
    return False


@njit(cache=CACHE)
def str_strip(st, mid, sp, n):
    """strip, lstrip, rstrip ([chars])."""
    S = S_(st)
    H = H_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    chars = -1
    if n == 1:
        if S[sp - 1, 0] == STR:
            chars = S[sp - 1, 1]
        elif S[sp - 1, 0] != NONE:
            return NOT_HANDLED
    elif n != 0:
        return NOT_HANDLED
    CH = CH_(st)
    o = H[me, A]
    i = 0
    j = H[me, B]
    if mid != M_STR_RSTRIP:
        while i < j and (is_space(CH[o + i]) if chars < 0 else in_chars(st, chars, CH[o + i])):
            i += 1
    if mid != M_STR_LSTRIP:
        while j > i and (is_space(CH[o + j - 1]) if chars < 0
                         else in_chars(st, chars, CH[o + j - 1])):
            j -= 1
    if not heap.reserve(st, 1, 0, j - i):
        return ST_NEED_MEMORY
    heap.charge(st, H[me, B])
    S[res, 0] = STR
    S[res, 1] = slice_str(st, me, i, j - i)
    return ST_RUNNING


@njit(cache=CACHE)
def str_replace(st, sp, n):
    """s.replace(old, new[, count])."""
    S = S_(st)
    H = H_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    if n < 2 or n > 3 or S[sp - n, 0] != STR or S[sp - n + 1, 0] != STR:
        return NOT_HANDLED
    old = S[sp - n, 1]
    new = S[sp - n + 1, 1]
    maxcount = -1
    if n == 3:
        if S[sp - 1, 0] != INT and S[sp - 1, 0] != BOOL:
            return NOT_HANDLED
        maxcount = S[sp - 1, 1]
    length = H[me, B]
    mo = H[old, B]
    mn = H[new, B]
    if maxcount < 0:
        maxcount = BIG
    # count the replacements
    if mo == 0:
        k = length + 1 if length + 1 < maxcount else maxcount
    else:
        k = 0
        i = 0
        while k < maxcount:
            p = find_in(st, me, old, i, length, 1)
            if p < 0:
                break
            k += 1
            i = p + mo
    if k == 0 or (mo == mn and heap.str_eq(st, old, new)):
        S[res, 0] = STR
        S[res, 1] = me
        return ST_RUNNING
    total = length + k * (mn - mo)
    if not heap.reserve(st, 1, 0, total):
        return ST_NEED_MEMORY
    r = heap.new_str(st, total)
    CH = CH_(st)
    d = H[r, A]
    so = H[me, A]
    no = H[new, A]
    i = 0
    for _ in range(k):
        if mo == 0:
            p = i
        else:
            p = find_in(st, me, old, i, length, 1)
        for j in range(i, p):
            CH[d] = CH[so + j]
            d += 1
        for j in range(mn):
            CH[d + j] = CH[no + j]
        d += mn
        if mo == 0:
            if p < length:
                CH[d] = CH[so + p]
                d += 1
            i = p + 1
        else:
            i = p + mo
    for j in range(i, length):
        CH[d] = CH[so + j]
        d += 1
    S[res, 0] = STR
    S[res, 1] = r
    heap.charge(st, total)
    return ST_RUNNING


@njit(cache=CACHE)
def str_case(st, mid, sp, n):
    """upper, lower and the is* tests, on ASCII text (the host does the rest)."""
    S = S_(st)
    H = H_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    if n != 0:
        return NOT_HANDLED
    CH = CH_(st)
    o = H[me, A]
    m = H[me, B]
    for i in range(m):
        if CH[o + i] >= 128:
            return NOT_HANDLED
    heap.charge(st, m)
    if mid == M_STR_UPPER or mid == M_STR_LOWER:
        lo = 97 if mid == M_STR_UPPER else 65      # the range that changes
        if not heap.reserve(st, 1, 0, m):
            return ST_NEED_MEMORY
        r = heap.new_str(st, m)
        CH = CH_(st)
        d = H[r, A]
        for i in range(m):
            c = CH[o + i]
            if lo <= c < lo + 26:
                c = c - 32 if mid == M_STR_UPPER else c + 32
            CH[d + i] = c
        S[res, 0] = STR
        S[res, 1] = r
        return ST_RUNNING
    r = m > 0
    cased = False
    for i in range(m):
        c = CH[o + i]
        digit = 48 <= c <= 57
        upper = 65 <= c <= 90
        lower = 97 <= c <= 122
        if mid == M_STR_ISDIGIT:
            ok = digit
        elif mid == M_STR_ISALPHA:
            ok = upper or lower
        elif mid == M_STR_ISALNUM:
            ok = upper or lower or digit
        elif mid == M_STR_ISSPACE:
            ok = is_space(c)
        elif mid == M_STR_ISUPPER:
            ok = not lower
            cased = cased or upper
        else:
            ok = not upper
            cased = cased or lower
        if not ok:
            r = False
            break
    if mid == M_STR_ISUPPER or mid == M_STR_ISLOWER:
        r = r and cased
    S[res, 0] = BOOL
    S[res, 1] = 1 if r else 0
    return ST_RUNNING


@njit(cache=CACHE)
def str_method(st, mid, sp, n):
    """Builtin str method mid on S[sp-n-1] with n positional arguments: a status, or
    NOT_HANDLED (the host runs it)."""
    if (mid == M_STR_STARTSWITH or mid == M_STR_ENDSWITH or mid == M_STR_FIND
            or mid == M_STR_RFIND or mid == M_STR_INDEX or mid == M_STR_RINDEX
            or mid == M_STR_COUNT):
        return str_search(st, mid, sp, n)
    if mid == M_STR_SPLIT:
        return str_split(st, sp, n)
    if mid == M_STR_JOIN:
        return str_join(st, sp, n)
    if mid == M_STR_STRIP or mid == M_STR_LSTRIP or mid == M_STR_RSTRIP:
        return str_strip(st, mid, sp, n)
    if mid == M_STR_REPLACE:
        return str_replace(st, sp, n)
    if (mid == M_STR_UPPER or mid == M_STR_LOWER or mid == M_STR_ISDIGIT
            or mid == M_STR_ISALPHA or mid == M_STR_ISALNUM or mid == M_STR_ISSPACE
            or mid == M_STR_ISUPPER or mid == M_STR_ISLOWER):
        return str_case(st, mid, sp, n)
    return NOT_HANDLED


@njit(cache=CACHE)
def builtin_chr(st, sp, n):
    """chr(i) for an int in range: a one-character str at the callee's slot."""
    S = S_(st)
    if n != 1 or (S[sp - 1, 0] != INT and S[sp - 1, 0] != BOOL):
        return NOT_HANDLED
    c = S[sp - 1, 1]
    if c < 0 or c > 0x10FFFF:
        return NOT_HANDLED      # ValueError: the host raises it
    if not heap.reserve(st, 1, 0, 1):
        return ST_NEED_MEMORY
    r = heap.new_str(st, 1)
    CH_(st)[H_(st)[r, A]] = c
    S[sp - 2, 0] = STR
    S[sp - 2, 1] = r
    return ST_RUNNING
