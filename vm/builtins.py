"""The tables of builtins and builtin methods, by number.

A builtin value is (BUILTIN, index into BUILTINS); a builtin method fetched by
LOAD_METHOD is (METHOD, index into METHODS).  The interpreter dispatches on these
numbers; the host-side services and the compiler use the names.  Append only:
numbers are part of the snapshot format.
"""

import numpy as np

from . import layout as L

# name, and whether it is a type (types can be used with isinstance).
BUILTINS = [
    "print", "len", "range", "abs", "min", "max", "sum", "int", "float", "str",
    "bool", "list", "tuple", "dict", "repr", "isinstance", "enumerate", "zip",
    "sorted", "reversed", "chr", "ord", "type", "NoneType", "function",
    # exception types, in hierarchy order (see EXC_PARENT)
    "BaseException", "Exception", "ArithmeticError", "ZeroDivisionError",
    "OverflowError", "LookupError", "IndexError", "KeyError", "ValueError",
    "TypeError", "NameError", "UnboundLocalError", "AttributeError",
    "RuntimeError", "RecursionError", "StopIteration", "AssertionError",
    "NotImplementedError", "MemoryError",
    # appended later (append only: ids are in snapshots)
    "SystemError", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ImportError",
    "ModuleNotFoundError", "FloatingPointError", "IndentationError", "SyntaxError",
    "UnicodeError", "EOFError", "OSError",
    "hash", "hex", "oct", "bin", "divmod", "pow",
    "round", "any", "all", "iter", "next", "issubclass",
    "set", "frozenset",
    # classes (the __amber_ names are internal: only the prelude can reach them)
    "object", "super", "staticmethod", "classmethod", "property", "NotImplemented",
    "getattr", "setattr", "hasattr", "delattr", "callable", "id",
    "__amber_lookup", "__amber_userclass", "__amber_repr_default", "__amber_new",
    "format",
    # generators (the type is not a builtin name in CPython: internal)
    "generator",
    # the Ellipsis singleton (`...`), slice, then the functions of the builtin modules
    # (named "module.function"; one contiguous block, see MODULES below)
    "Ellipsis", "slice",
] + [f"{m}.{f}" for m, fns in (
    ("math", ("sqrt", "floor", "ceil", "trunc", "fabs", "sin", "cos", "tan", "asin", "acos",
              "atan", "atan2", "exp", "log", "log2", "log10", "degrees", "radians",
              "isfinite", "isinf", "isnan", "copysign", "pow",
              # host-serviced from here on
              "hypot", "isclose", "gcd", "lcm", "factorial", "comb", "perm", "isqrt",
              "fmod", "modf", "frexp", "ldexp", "prod", "fsum", "dist", "sinh", "cosh",
              "tanh", "asinh", "acosh", "atanh", "expm1", "log1p", "erf", "erfc", "gamma",
              "lgamma", "cbrt", "exp2", "remainder", "nextafter", "ulp")),
    ("random", ("random", "randint", "randrange", "uniform", "choice", "shuffle", "gauss",
                "getrandbits",
                # host-serviced from here on
                "seed", "sample", "choices", "triangular", "expovariate",
                "normalvariate", "betavariate", "gammavariate", "lognormvariate",
                "paretovariate", "vonmisesvariate", "weibullvariate", "getstate",
                "setstate")),
) for f in fns] + [
    # written in the prelude only (PRELUDE_ONLY: a call always runs the prelude's
    # version), then the type of modules (internal, as "generator")
    "map", "filter", "__amber_yield_from", "module", "__amber_list_sort",
    # instances of subclasses of builtin types (stdlib/__amber_bases.py): the value
    # of the builtin type an instance holds, and a new instance holding a value
    "__amber_base", "__amber_wrap",
    # dict.fromkeys (written in the prelude)
    "__amber_dict_fromkeys",
    # keys with a script __hash__: cache an instance's hash, the stored keys with a hash
    "__amber_set_hash", "__amber_same_hash",
    # object.__new__ (allocates an instance without running __init__), and the types of
    # bound methods and builtin functions (internal: no builtin names in CPython)
    "__amber_object_new", "method", "builtin_function_or_method",
    # BaseException.__new__ (an exception whose __init__ has not run)
    "__amber_exc_new",
]
# The builtin types a script's class may derive from besides object and the
# exception types (stdlib/__amber_bases.py has a class for each).
VALUE_BASES = ("list", "tuple", "dict", "set", "frozenset", "str", "int", "float")
INTERNAL = frozenset(n for n in BUILTINS if n.startswith("__amber_") or n in (
    "generator", "module", "method", "builtin_function_or_method"))
PRELUDE_ONLY = ("map", "filter", "__amber_yield_from")
BUILTIN_ID = {name: i for i, name in enumerate(BUILTINS)}
# the functions of the builtin modules are one contiguous block of ids
MODULE_FN_FIRST = min(i for i, n in enumerate(BUILTINS) if "." in n)
MODULE_FN_LAST = max(i for i, n in enumerate(BUILTINS) if "." in n)
globals().update({"B_" + name.upper().replace(".", "_"): i for i, name in enumerate(BUILTINS)})

# Exception hierarchy: child -> parent.
EXC_PARENT = {
    "Exception": "BaseException", "ArithmeticError": "Exception",
    "ZeroDivisionError": "ArithmeticError", "OverflowError": "ArithmeticError",
    "LookupError": "Exception", "IndexError": "LookupError", "KeyError": "LookupError",
    "ValueError": "Exception", "TypeError": "Exception", "NameError": "Exception",
    "UnboundLocalError": "NameError", "AttributeError": "Exception",
    "RuntimeError": "Exception", "RecursionError": "RuntimeError",
    "StopIteration": "Exception", "AssertionError": "Exception",
    "NotImplementedError": "RuntimeError", "MemoryError": "Exception",
    "SystemError": "Exception", "GeneratorExit": "BaseException",
    "KeyboardInterrupt": "BaseException", "SystemExit": "BaseException",
    "ImportError": "Exception", "ModuleNotFoundError": "ImportError",
    "FloatingPointError": "ArithmeticError", "SyntaxError": "Exception",
    "IndentationError": "SyntaxError", "UnicodeError": "ValueError", "EOFError": "Exception",
    "OSError": "Exception",
}
# Per builtin id: the id of its parent exception type, -1 for BaseException, and
# NOT_EXCEPTION for builtins that are not exception types (read by the interpreter).
NOT_EXCEPTION = -2
EXC_PARENT_ID = np.array(
    [BUILTIN_ID[EXC_PARENT[n]] if n in EXC_PARENT else -1 if n == "BaseException"
     else NOT_EXCEPTION for n in BUILTINS], np.int64)


# Per builtin id: 1 if it is a type (isinstance(int, type) holds), else 0.
_UNNAMED_TYPE_NAMES = ("NoneType", "function", "generator", "module", "method",
                       "builtin_function_or_method")
IS_TYPE = np.array(
    [1 if n in EXC_PARENT or n == "BaseException" or n in _UNNAMED_TYPE_NAMES
     or isinstance(getattr(__import__("builtins"), n, None), type) else 0
     for n in BUILTINS], np.int64)


def is_exception_type(bid: int) -> bool:
    """Whether builtin `bid` is an exception type."""
    return 0 <= bid < len(BUILTINS) and EXC_PARENT_ID[bid] != NOT_EXCEPTION

# The type (as a builtin id) of each value tag, for type() and isinstance().
TAG_TYPE = {
    L.NONE: "NoneType", L.BOOL: "bool", L.INT: "int", L.FLOAT: "float",
    L.STR: "str", L.LIST: "list", L.TUPLE: "tuple", L.DICT: "dict",
    L.FUNC: "function", L.RANGE: "range", L.BIGINT: "int", L.SET: "set",
    L.FROZENSET: "frozenset", L.BOUND: "method", L.SUPER: "super", L.GEN: "generator",
    L.SLICE: "slice", L.MODULE: "module",
}

# Type names as CPython prints them in messages, by tag.
TAG_NAME = {
    L.UNDEF: "undefined", L.NONE: "NoneType", L.BOOL: "bool", L.INT: "int",
    L.FLOAT: "float", L.BUILTIN: "builtin_function_or_method",
    L.METHOD: "builtin_function_or_method", L.STR: "str", L.LIST: "list",
    L.TUPLE: "tuple", L.DICT: "dict", L.FUNC: "function", L.CELL: "cell",
    L.RANGE: "range", L.ITER: "iterator", L.SLICE: "slice", L.EXC: "exception",
    L.DICTVIEW: "dict_keys", L.BIGINT: "int", L.SET: "set", L.FROZENSET: "frozenset",
    L.CLASS: "type", L.BOUND: "method", L.SUPER: "super",
    L.GEN: "generator", L.MODULE: "module",
}

# Builtin methods: (receiver tag, name).  Append only.
METHODS = [
    (L.LIST, "append"), (L.LIST, "pop"), (L.LIST, "insert"), (L.LIST, "extend"),
    (L.LIST, "index"), (L.LIST, "count"), (L.LIST, "remove"), (L.LIST, "reverse"),
    (L.LIST, "sort"), (L.LIST, "copy"), (L.LIST, "clear"),
    (L.STR, "split"), (L.STR, "join"), (L.STR, "strip"), (L.STR, "lstrip"),
    (L.STR, "rstrip"), (L.STR, "replace"), (L.STR, "find"), (L.STR, "startswith"),
    (L.STR, "endswith"), (L.STR, "upper"), (L.STR, "lower"), (L.STR, "count"),
    (L.STR, "index"), (L.STR, "isdigit"), (L.STR, "isalpha"), (L.STR, "isspace"),
    (L.STR, "rfind"), (L.STR, "format"), (L.STR, "title"), (L.STR, "capitalize"),
    (L.STR, "isupper"), (L.STR, "islower"), (L.STR, "isalnum"), (L.STR, "zfill"),
    (L.STR, "center"), (L.STR, "ljust"), (L.STR, "rjust"), (L.STR, "splitlines"),
    (L.DICT, "get"), (L.DICT, "keys"), (L.DICT, "values"), (L.DICT, "items"),
    (L.DICT, "pop"), (L.DICT, "setdefault"), (L.DICT, "update"), (L.DICT, "copy"),
    (L.DICT, "clear"),
    (L.TUPLE, "index"), (L.TUPLE, "count"),
    (L.INT, "bit_length"), (L.INT, "bit_count"),
    (L.SET, "add"), (L.SET, "remove"), (L.SET, "discard"), (L.SET, "pop"),
    (L.SET, "clear"), (L.SET, "copy"), (L.SET, "update"), (L.SET, "union"),
    (L.SET, "intersection"), (L.SET, "difference"), (L.SET, "symmetric_difference"),
    (L.SET, "intersection_update"), (L.SET, "difference_update"),
    (L.SET, "symmetric_difference_update"), (L.SET, "issubset"), (L.SET, "issuperset"),
    (L.SET, "isdisjoint"),
    (L.FROZENSET, "copy"), (L.FROZENSET, "union"), (L.FROZENSET, "intersection"),
    (L.FROZENSET, "difference"), (L.FROZENSET, "symmetric_difference"),
    (L.FROZENSET, "issubset"), (L.FROZENSET, "issuperset"), (L.FROZENSET, "isdisjoint"),
    (L.GEN, "send"), (L.GEN, "throw"), (L.GEN, "close"),
    # more str methods (host-serviced), dict.popitem
    (L.STR, "rindex"), (L.STR, "rsplit"), (L.STR, "partition"), (L.STR, "rpartition"),
    (L.STR, "swapcase"), (L.STR, "casefold"), (L.STR, "expandtabs"), (L.STR, "isdecimal"),
    (L.STR, "isnumeric"), (L.STR, "isidentifier"), (L.STR, "isprintable"),
    (L.STR, "istitle"), (L.STR, "isascii"), (L.STR, "removeprefix"),
    (L.STR, "removesuffix"),
    (L.DICT, "popitem"),
    # special methods of the builtin containers, called by name
    # (d.__getitem__(k)); DUNDER says which operation each one is
] + [(tag, name) for tag, names in (
    (L.LIST, ("__getitem__", "__setitem__", "__delitem__", "__contains__", "__len__")),
    (L.TUPLE, ("__getitem__", "__contains__", "__len__")),
    (L.STR, ("__getitem__", "__contains__", "__len__")),
    (L.DICT, ("__getitem__", "__setitem__", "__delitem__", "__contains__", "__len__")),
    (L.SET, ("__contains__", "__len__")),
    (L.FROZENSET, ("__contains__", "__len__")),
    (L.RANGE, ("__getitem__", "__contains__", "__len__")),
    (L.ITER, ("__next__",)),
) for name in names] + [
    (L.SLICE, "indices"),
]
METHOD_ID = {m: i for i, m in enumerate(METHODS)}
globals().update({
    f"M_{L_NAME}_{name.upper()}": i
    for i, (tag, name) in enumerate(METHODS)
    for L_NAME in [{L.LIST: "LIST", L.STR: "STR", L.DICT: "DICT", L.TUPLE: "TUPLE",
                 L.INT: "INT", L.SET: "SET", L.FROZENSET: "FROZENSET", L.RANGE: "RANGE",
                 L.ITER: "ITER", L.GEN: "GEN", L.SLICE: "SLICE"}[tag]]
})
# Which operation a special method is (0 for ordinary methods), by method id.
DUNDER_NAMES = ("", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__len__",
                "__next__")
DUNDER = np.array([DUNDER_NAMES.index(name) if name in DUNDER_NAMES else 0
                   for tag, name in METHODS], np.int64)
# The receiver kind of each method (INT also takes BOOL and BIGINT receivers).
METHOD_OWNER = np.array([tag for tag, name in METHODS], np.int64)
# The builtin types whose methods can be read from the type (str.lower), by tag.
TYPE_TAG = {"str": L.STR, "list": L.LIST, "dict": L.DICT, "tuple": L.TUPLE, "set": L.SET,
            "frozenset": L.FROZENSET, "int": L.INT}



# ---- Modules -----------------------------------------------------------
# The modules a script may import, by module id (H[A] of a MODULE object; append
# only: ids are in snapshots).  A builtin module's namespace is its functions (the
# BUILTINS entries named "module.function") and its constants.
MODULES = ["math", "random",
           # written in the Amber subset (stdlib/<name>.py), compiled into the programs
           # that import them (compiler/codegen.py); their MODULE rows use columns C, D
           "collections", "itertools", "functools", "heapq", "bisect", "operator", "string",
           # the base classes of subclasses of builtin types: imported by the
           # compiler only (scripts cannot import __amber_ names)
           "__amber_bases"]
AMBER_MODULES = frozenset(MODULES[2:])
MODULE_ID = {name: i for i, name in enumerate(MODULES)}
MODULE_CONSTS = {
    "math": {"pi": 3.141592653589793, "e": 2.718281828459045, "tau": 6.283185307179586,
             "inf": float("inf"), "nan": float("nan")},
    "random": {},
}


def module_names(module: str) -> list:
    """The public names of a builtin module, in namespace order."""
    fns = [b.split(".", 1)[1] for b in BUILTINS if b.startswith(module + ".")]
    return fns + list(MODULE_CONSTS.get(module, {}))


# Modules Amber knows but refuses, with the reason (a compile-time error).
REFUSED_MODULES = {
    "time": "scripts have no wall clock (a deterministic VM; ask the host for ticks)",
    "datetime": "scripts have no wall clock (a deterministic VM; ask the host for ticks)",
    "os": "scripts have no file system or process access",
    "sys": "scripts have no access to the interpreter",
    "io": "scripts have no file access", "pathlib": "scripts have no file access",
    "subprocess": "scripts have no process access", "socket": "scripts have no network access",
    "threading": "threads are not part of the language", "asyncio": "async is not part of the language",
}
