"""Host-side views of VM values: decode a (tag, payload) into a Python object and
encode a Python object into the VM heap.

Used by the services (print, str, repr, format, rare builtins), which run in the host
at an instruction boundary.  Decoding keeps identity (a list that contains itself
decodes to a list that contains itself), so CPython's own repr() gives CPython's
text, recursion markers included.
"""

from __future__ import annotations

import builtins as py_builtins

import numpy as np

from . import layout as L
from .builtins import BUILTINS, BUILTIN_ID, EXC_PARENT, MODULES, is_exception_type  # noqa: F401

_ELLIPSIS = BUILTIN_ID["Ellipsis"]


class Opaque:
    """A VM value with no Python counterpart; repr() gives CPython's look, and the
    class is named like CPython's type (see opaque()), so messages name it the same."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __repr__(self):
        return self.text


_OPAQUE_TYPES: dict = {}


def opaque(type_name: str, text: str) -> Opaque:
    """An Opaque whose type is called type_name ("function", "range_iterator", ...)."""
    cls = _OPAQUE_TYPES.get(type_name)
    if cls is None:
        cls = _OPAQUE_TYPES[type_name] = type(type_name, (Opaque,), {"__slots__": ()})
    return cls(text)


class BuiltinRef(Opaque):
    """A builtin function or type, decoded for the host."""

    __slots__ = ("bid", "name")

    def __new__(cls, bid: int):
        if cls is BuiltinRef:
            name = BUILTINS[bid]
            cls = _BuiltinFunction if name in _FUNCTIONS or "." in name else _BuiltinType
        return object.__new__(cls)

    def __init__(self, bid: int):
        name = BUILTINS[bid]
        if "." in name:     # a module's function: "math.sqrt" shows as sqrt
            text = f"<built-in function {name.split('.', 1)[1]}>"
        elif name in _FUNCTIONS:
            text = f"<built-in function {name}>"
        elif name == "NotImplemented":
            text = name
        else:
            text = f"<class '{name}'>"
        super().__init__(text)
        self.bid = bid
        self.name = name


def _set_repr(self):
    items = getattr(self, "_order", None)
    if items is None:
        items = list(set.__iter__(self)) if isinstance(self, set) else list(frozenset.__iter__(self))
    if not items:
        return f"{type(self).__name__}()"
    inner = "{" + ", ".join(repr(x) for x in items) + "}"
    return inner if isinstance(self, set) else f"frozenset({inner})"


def _set_iter(self):
    return iter(getattr(self, "_order", ()))


# A VM set decoded for the host: a real set (or frozenset) whose iteration and repr
# follow the VM's table order (CPython's order for numbers and tuples, Amber's own for
# strings), and whose type is named like CPython's so that messages match.
VMSet = type("set", (set,), {"__repr__": _set_repr, "__iter__": _set_iter})
VMFrozenSet = type("frozenset", (frozenset,), {"__repr__": _set_repr, "__iter__": _set_iter})


# The builtins that are functions in CPython (the others are types or constants).
_FUNCTIONS = {n for n in BUILTINS if "." not in n and not n.startswith("__amber_")
              and callable(getattr(py_builtins, n, None))
              and not isinstance(getattr(py_builtins, n), type)}
_BuiltinFunction = type("builtin_function_or_method", (BuiltinRef,), {"__slots__": ()})
_BuiltinType = type("type", (BuiltinRef,), {"__slots__": ()})


# The largest int a script may hold (about 1.26 million decimal digits): CPython
# 3.11's division is quadratic, and one instruction must stay short.
MAX_INT_BITS = L.MAX_INT_BITS
INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1


class IntTooLarge(Exception):
    """An int result beyond MAX_INT_BITS (the script gets a MemoryError)."""


def int_too_large_message() -> str:
    return f"integer too large for Amber (limit {MAX_INT_BITS} bits)"


def big_rows(x: int) -> np.ndarray:
    """The V rows of a BIGINT holding x: 32-bit magnitude limbs, two per row."""
    m = -x if x < 0 else x
    n = (m.bit_length() + 31) // 32
    limbs = np.frombuffer(m.to_bytes(4 * n, "little"), "<u4").astype(np.int64)
    if n % 2:
        limbs = np.append(limbs, 0)
    return limbs.reshape(-1, 2)


def big_value(st, row: int) -> int:
    """The Python int a BIGINT object holds."""
    n = int(st.H[row, L.B])
    off = int(st.H[row, L.A])
    data = st.V[off: off + (n + 1) // 2].astype("<u4").tobytes()
    m = int.from_bytes(data, "little")
    return -m if st.H[row, L.C] < 0 else m


def float_of(bits: int) -> float:
    return float(np.int64(bits).view(np.float64))


def str_of(st, row: int) -> str:
    off = int(st.H[row, L.A])
    n = int(st.H[row, L.B])
    return st.CH[off:off + n].astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")


def decode(st, tag: int, val: int, program=None, memo=None):
    """The Python object for a VM value (containers copied, identity kept)."""
    tag = int(tag)
    val = int(val)
    if tag == L.INT:
        return val
    if tag == L.FLOAT:
        return float_of(val)
    if tag == L.BOOL:
        return bool(val)
    if tag == L.NONE:
        return None
    if tag == L.STR:
        return str_of(st, val)
    if tag == L.BIGINT:
        return big_value(st, val)
    if memo is None:
        memo = {}
    if val in memo and tag >= L.HEAP:
        return memo[val]
    H = st.H
    V = st.V
    if tag == L.LIST:
        out = []
        memo[val] = out
        off = int(H[val, L.A])
        for i in range(int(H[val, L.B])):
            out.append(decode(st, V[off + i, 0], V[off + i, 1], program, memo))
        return out
    if tag == L.TUPLE:
        off = int(H[val, L.A])
        out = tuple(decode(st, V[off + i, 0], V[off + i, 1], program, memo)
                    for i in range(int(H[val, L.B])))
        memo[val] = out
        return out
    if tag == L.DICT:
        out = {}
        memo[val] = out
        off = int(H[val, L.A])
        for e in range(int(H[val, L.B])):
            if V[off + 2 * e, 0] == L.UNDEF:
                continue
            k = decode(st, V[off + 2 * e, 0], V[off + 2 * e, 1], program, memo)
            out[k] = decode(st, V[off + 2 * e + 1, 0], V[off + 2 * e + 1, 1], program, memo)
        return out
    if tag == L.SET or tag == L.FROZENSET:
        off = int(H[val, L.A])
        items = [decode(st, V[off + 2 * i, 0], V[off + 2 * i, 1], program, memo)
                 for i in range(int(H[val, L.E])) if V[off + 2 * i, 0] != L.UNDEF]
        out = VMSet(items) if tag == L.SET else VMFrozenSet(items)
        out._order = items
        memo[val] = out
        return out
    if tag == L.DICTVIEW:
        d = decode(st, L.DICT, H[val, L.A], program, memo)
        which = int(H[val, L.B])
        return d.keys() if which == 0 else d.values() if which == 1 else d.items()
    if tag == L.RANGE:
        return range(int(H[val, L.A]), int(H[val, L.B]), int(H[val, L.C]))
    if tag == L.SLICE:
        off = int(H[val, L.A])
        parts = [decode(st, V[off + i, 0], V[off + i, 1], program, memo) for i in range(3)]
        return slice(*parts)
    if tag == L.BUILTIN:
        if val == _ELLIPSIS:
            return Ellipsis
        return BuiltinRef(val)
    if tag == L.INSTANCE and NeedsUserCode.strict and H[val, L.C] != L.UNDEF \
            and plain_subclass(st, int(H[val, L.A])):
        # an instance of a subclass of a builtin type that changes none of its
        # behaviour: the services take it as the value it holds (as CPython's do)
        return decode(st, H[val, L.C], H[val, L.D], program, memo)
    if tag == L.BOUND and H[val, L.C] == L.METHOD and H[val, L.A] not in _SCRIPT_KINDS:
        # a builtin method bound to a builtin value ([].append)
        from .builtins import METHODS, TAG_NAME
        selft, selfv = int(H[val, L.A]), int(H[val, L.B])
        where = _address(H, selfv) if selft >= L.HEAP else f"0x{0x7e0000000000 + 16 * (selfv & 0xffffff):x}"
        return opaque("builtin_function_or_method", f"<built-in method "
                      f"{METHODS[int(H[val, L.D])][1]} of {TAG_NAME.get(selft, 'object')} "
                      f"object at {where}>")
    if tag in _SCRIPT_KINDS or (tag == L.EXC and H[val, L.E] >= 0 and NeedsUserCode.strict):
        raise NeedsUserCode()
    if tag == L.CLASS:
        name = str_of(st, int(H[val, L.A]))
        return opaque("type", f"<class '{class_module(st, val)}.{name}'>")
    if tag == L.MODULE:
        return opaque("module", f"<module '{MODULES[int(H[val, L.A])]}' (built-in)>")
    if tag == L.EXC:    # a real exception object: CPython's str() and repr() for free
        args = decode(st, L.TUPLE, H[val, L.B], program, memo)
        cls = getattr(py_builtins, BUILTINS[int(H[val, L.A])])
        if H[val, L.E] >= 0:    # a script's exception class: a stand-in of that name
            name = str_of(st, int(H[int(H[val, L.E]), L.A]))
            cls = _script_exception_class(name, cls)
        try:
            return cls(*(_real(a) for a in args))
        except Exception:
            return opaque(cls.__name__, f"<{cls.__name__} object at {_address(H, val)}>")
    if tag == L.FUNC:
        name = "?"
        if program is not None:
            name = program.codes[int(H[val, L.A])].qualname
        return opaque("function", f"<function {name} at {_address(H, val)}>")
    if tag == L.GEN:
        name = "?"
        if program is not None:
            name = program.codes[int(H[int(H[val, L.A]), L.A])].qualname
        return opaque("generator", f"<generator object {name} at {_address(H, val)}>")
    if tag == L.ITER:
        kind = _ITER_NAMES.get(int(H[val, L.A]), "iterator")
        return opaque(kind, f"<{kind} object at {_address(H, val)}>")
    return opaque("object", f"<object at {_address(H, val)}>")


# Special names a subclass of a builtin type may define without changing how the
# builtins see its instances.
_NEUTRAL_NAMES = frozenset(("__init__", "__new__", "__getattr__", "__module__", "__qualname__",
                            "__doc__", "__classcell__", "__slots__", "__missing__", "__call__",
                            "__enter__", "__exit__", "__del__"))


def plain_subclass(st, cls: int) -> bool:
    """Whether the script classes in cls's MRO before the base of module
    __amber_bases define no special method that changes the builtin type's
    behaviour (__repr__, __eq__, __iter__, ...)."""
    H, V = st.H, st.V
    mro = int(H[cls, L.C])
    off = int(H[mro, L.A])
    for i in range(int(H[mro, L.B])):
        if V[off + i, 0] != L.CLASS:
            continue
        c = int(V[off + i, 1])
        if class_module(st, c) == "__amber_bases":
            return True
        ns = int(H[c, L.B])
        noff = int(H[ns, L.A])
        for e in range(int(H[ns, L.B])):
            k = V[noff + 2 * e]
            if k[0] == L.STR:
                name = str_of(st, int(k[1]))
                if name.startswith("__") and name.endswith("__") and name not in _NEUTRAL_NAMES:
                    return False
    return True


class NeedsUserCode(Exception):
    """Raised while decoding for a host service when a value's str(), repr() or
    behaviour is defined by the script (the VM then calls the prelude instead).

    `strict` also counts exceptions of script classes (they may define __str__);
    services set it, error reports (which cannot run script code) do not."""

    strict = False


_SCRIPT_KINDS = (L.INSTANCE, L.BOUND, L.SUPER, L.WRAPPER)
_SCRIPT_EXC: dict = {}


def _script_exception_class(name: str, base: type) -> type:
    key = (name, base)
    if key not in _SCRIPT_EXC:
        _SCRIPT_EXC[key] = type(name, (base,), {})
    return _SCRIPT_EXC[key]


def class_module(st, row: int) -> str:
    """The __module__ a class was defined in ("__main__" for the script's)."""
    ns = int(st.H[row, L.B])
    off = int(st.H[ns, L.A])
    for e in range(int(st.H[ns, L.B])):
        if st.V[off + 2 * e, 0] == L.STR and str_of(st, int(st.V[off + 2 * e, 1])) == "__module__":
            if st.V[off + 2 * e + 1, 0] == L.STR:
                return str_of(st, int(st.V[off + 2 * e + 1, 1]))
    return "__main__"


_ITER_NAMES = {L.IT_SEQ: "list_iterator", L.IT_STR: "str_ascii_iterator",
               L.IT_RANGE: "range_iterator", L.IT_DICT: "dict_keyiterator",
               L.IT_ENUMERATE: "enumerate", L.IT_ZIP: "zip", L.IT_REVERSED: "list_reverseiterator"}


def _real(v):
    return getattr(py_builtins, v.name, v) if isinstance(v, BuiltinRef) else v


def _address(H, row) -> str:
    """A stable stand-in for an address: from the object's serial, never the host's."""
    return f"0x{0x7f0000000000 + 16 * int(H[row, L.SERIAL]):x}"


class Raw:
    """A VM value passed through the host untouched (keeps its identity)."""

    __slots__ = ("tag", "val")

    def __init__(self, tag, val):
        self.tag = int(tag)
        self.val = int(val)


class EncodeError(Exception):
    """A host value that has no VM representation."""


def needs(obj) -> tuple[int, int, int]:
    """(objects, value rows, chars) that encoding obj will allocate."""
    objs = vals = chars = 0
    stack = [obj]
    while stack:
        x = stack.pop()
        if isinstance(x, int) and not isinstance(x, bool) and not INT64_MIN <= x <= INT64_MAX:
            if x.bit_length() > MAX_INT_BITS:
                raise IntTooLarge()
            objs += 1
            vals += (x.bit_length() + 63) // 64
            continue
        if x is None or x is Ellipsis or isinstance(x, (bool, int, float, Raw)):
            continue
        if isinstance(x, str):
            objs += 1
            chars += len(x)
        elif isinstance(x, (list, tuple)):
            objs += 1
            vals += len(x)
            stack.extend(x)
        elif isinstance(x, dict):
            objs += 1
            vals += 64 + 6 * len(x)
            stack.extend(x.keys())
            stack.extend(x.values())
        elif isinstance(x, range):
            objs += 1
        elif isinstance(x, slice):
            objs += 1
            vals += 3
            stack.extend((x.start, x.stop, x.step))
        elif isinstance(x, (set, frozenset)):
            from .sets import build_rows
            objs += 1
            vals += int(build_rows(len(x)))
            stack.extend(x)
        else:
            raise EncodeError(type(x).__name__)
    return objs, vals, chars


def encode(st, obj, p=None) -> tuple[int, int]:
    """Allocate obj in the VM heap (room per needs() must be reserved): (tag, payload)."""
    from . import heap
    from .state import pointers
    if p is None:
        p = pointers(st)
    if isinstance(obj, Raw):
        return obj.tag, obj.val
    if obj is None:
        return L.NONE, 0
    if obj is Ellipsis:
        return L.BUILTIN, _ELLIPSIS
    if isinstance(obj, bool):
        return L.BOOL, int(obj)
    if isinstance(obj, int):
        if INT64_MIN <= obj <= INT64_MAX:
            return L.INT, obj
        if obj.bit_length() > MAX_INT_BITS:
            raise IntTooLarge()
        rows = big_rows(obj)
        row = heap.new_obj(p, L.BIGINT)
        off = heap.new_vals(p, len(rows))
        st.H[row, L.A] = off
        st.H[row, L.B] = (obj.bit_length() + 31) // 32
        st.H[row, L.C] = -1 if obj < 0 else 1
        st.V[off: off + len(rows)] = rows
        return L.BIGINT, row
    if isinstance(obj, float):
        return L.FLOAT, int(np.float64(obj).view(np.int64))
    if isinstance(obj, str):
        cps = np.frombuffer(obj.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int32)
        row = heap.new_str(p, len(cps))
        off = int(st.H[row, L.A])
        st.CH[off:off + len(cps)] = cps
        return L.STR, row
    if isinstance(obj, (list, tuple)):
        items = [encode(st, x, p) for x in obj]
        if isinstance(obj, list):
            row = heap.new_list(p, len(items), len(items))
            tag = L.LIST
        else:
            row = heap.new_tuple(p, len(items))
            tag = L.TUPLE
        off = int(st.H[row, L.A])
        for i, (t, v) in enumerate(items):
            st.V[off + i, 0] = t
            st.V[off + i, 1] = v
        return tag, row
    if isinstance(obj, dict):
        pairs = [(encode(st, k, p), encode(st, v, p)) for k, v in obj.items()]
        row = heap.new_dict(p, len(pairs))
        for (kt, kv), (vt, vv) in pairs:
            heap.dict_set(p, row, kt, kv, vt, vv)
        return L.DICT, row
    if isinstance(obj, (set, frozenset)):
        from . import sets
        items = [encode(st, x, p) for x in obj]
        kind = L.SET if isinstance(obj, set) else L.FROZENSET
        row = sets.new_set(p, kind)
        for t, v in items:
            sets.add_entry(p, row, t, v, heap.hash_value(p, t, v))
        return kind, row
    if isinstance(obj, slice):
        parts = [encode(st, x, p) for x in (obj.start, obj.stop, obj.step)]
        row = heap.new_obj(p, L.SLICE)
        off = heap.new_vals(p, 3)
        st.H[row, L.A] = off
        for i, (t, v) in enumerate(parts):
            st.V[off + i, 0] = t
            st.V[off + i, 1] = v
        return L.SLICE, row
    if isinstance(obj, range):
        row = heap.new_obj(p, L.RANGE)
        st.H[row, L.A] = obj.start
        st.H[row, L.B] = obj.stop
        st.H[row, L.C] = obj.step
        return L.RANGE, row
    raise EncodeError(type(obj).__name__)


def exception_chain(bid: int) -> list[str]:
    """Names from an exception type up to BaseException."""
    name = BUILTINS[bid]
    chain = [name]
    while name in EXC_PARENT:
        name = EXC_PARENT[name]
        chain.append(name)
    return chain

