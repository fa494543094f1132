"""Modules (import, math, random): compile-time import errors, the random generator's
determinism and snapshots, numba fast paths against the host's CPython code, hostile
snapshots of modules and generator state.

The CPython-comparable behaviour is in tests/programs/50*_*.py; what depends on
Amber's generator (values differ from CPython's Mersenne Twister) is tested here."""

from __future__ import annotations

import io
import math
import random as pyrandom

import numpy as np
import pytest

import amber
from amber import snapshot
from amber.compiler.errors import AmberImportError, format_syntax_error
from amber.snapshot import SnapshotError
from amber.stdlib.modules import VMRandom
from amber.vm import layout as L
from amber.vm import rng

from test_snapshot_fuzz import _edit


def run(src: str, **kw) -> str:
    out = io.StringIO()
    vm = amber.VM(amber.compile(src, "m.py"), stdout=out, **kw)
    status = vm.run()
    assert status is amber.Status.FINISHED, vm.error and vm.error.traceback
    return out.getvalue()


# ---------------------------------------------------------------------------
# import errors at compile time
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("src, words", [
    ("x = 1\nimport os\n", ["No module named 'os'", "file system"]),
    ("x = 1\nimport time\n", ["No module named 'time'", "wall clock"]),
    ("x = 1\nimport numpy as np\n", ["No module named 'numpy'", "math, random"]),
    ("x = 1\nfrom sys import argv\n", ["No module named 'sys'"]),
    ("x = 1\nimport math.foo\n", ["'math' is not a package"]),
    ("x = 1\nimport json\n", ["No module named 'json'"]),
])
def test_unknown_module_is_a_compile_time_error(src, words):
    with pytest.raises(AmberImportError) as info:
        amber.compile(src, "imp.py")
    err = info.value
    assert isinstance(err, amber.AmberSyntaxError)      # hosts catch one class
    assert (err.lineno, err.offset, err.filename) == (2, 1, "imp.py")
    for w in words:
        assert w in err.msg
    text = format_syntax_error(err)
    assert 'File "imp.py", line 2' in text and "^" in text
    assert text.rstrip().splitlines()[-1].startswith("ModuleNotFoundError: No module named")


def test_import_errors_of_form():
    with pytest.raises(amber.AmberSyntaxError, match="relative imports"):
        amber.compile("from . import x\n", "r.py")
    with pytest.raises(amber.AmberSyntaxError, match="only allowed at module level"):
        amber.compile("def f():\n    from math import *\n", "s.py")


def test_guarded_import_of_unknown_module_raises_at_run_time():
    src = ("try:\n    import ujson as json\nexcept ImportError:\n    json = None\n"
           "print(json)\n"
           "def f():\n    try:\n        import os\n    except Exception as e:\n"
           "        return type(e).__name__ + ': ' + str(e)\nprint(f())\n")
    assert run(src) == "None\nModuleNotFoundError: No module named 'os'\n"
    # a try that cannot catch it does not make the import legal
    with pytest.raises(AmberImportError):
        amber.compile("try:\n    import os\nexcept ValueError:\n    pass\n", "g.py")


def test_module_object_is_made_once_and_survives_gc():
    src = ("import math\nx = [list(range(50)) for i in range(2000)]\n"
           "import math as m\nprint(m is math, m.pi)\n")
    assert run(src, memory_limit=64 << 20) == "True 3.141592653589793\n"


# ---------------------------------------------------------------------------
# math: numba fast paths give CPython's bits
# ---------------------------------------------------------------------------

def test_math_fast_paths_match_cpython_bit_for_bit():
    r = pyrandom.Random(7)
    xs = [r.uniform(-10, 10) for _ in range(60)] + [r.uniform(-1, 1) for _ in range(40)] \
        + [10 ** r.uniform(-300, 300) for _ in range(60)] + [r.randint(-10 ** 6, 10 ** 6)
                                                            for _ in range(20)]
    names1 = ["sqrt", "floor", "ceil", "trunc", "fabs", "sin", "cos", "tan", "asin", "acos",
              "atan", "exp", "log", "log2", "log10", "degrees", "radians"]
    names2 = ["atan2", "pow", "copysign", "log"]
    src = "import math\nxs = %r\n" % xs
    src += "for x in xs:\n    out = []\n"
    for n in names1:
        src += (f"    try:\n        out.append(repr(math.{n}(x)))\n"
                f"    except (ValueError, OverflowError) as e:\n        out.append(str(e))\n")
    src += "    print(' '.join(out))\n"
    src += "for i in range(len(xs) - 1):\n    x = xs[i]\n    y = xs[i + 1]\n    out = []\n"
    for n in names2:
        src += (f"    try:\n        out.append(repr(math.{n}(abs(x), y)))\n"
                f"    except (ValueError, OverflowError, ZeroDivisionError) as e:\n"
                f"        out.append(str(e))\n")
    src += "    print(' '.join(out))\n"
    expected = io.StringIO()
    import contextlib
    with contextlib.redirect_stdout(expected):
        exec(compile(src, "m.py", "exec"), {})
    assert run(src) == expected.getvalue()


# ---------------------------------------------------------------------------
# random: determinism, fast paths == host, snapshots
# ---------------------------------------------------------------------------

CALLS = [
    "random.random()", "random.randint(1, 6)", "random.randrange(100)",
    "random.randrange(-50, 50)", "random.randrange(0, 100, 7)", "random.randrange(50, 0, -3)",
    "random.uniform(1, 2)", "random.uniform(-1.5, 2)", "random.choice(items)",
    "random.gauss(0, 1)", "random.gauss()", "random.getrandbits(20)", "random.getrandbits(63)",
    "shuffled(items)", "random.randint(-2 ** 62, 2 ** 62)",
]
# the same calls, forced through the host (keywords or shapes the fast paths leave
# to CPython's code): must give the same values
HOST_CALLS = [
    "random.random(*())", "random.randint(a=1, b=6)", "random.randrange(100, step=1)",
    "random.randrange(-50, 50, step=1)", "random.randrange(0, 100, step=7)",
    "random.randrange(50, 0, step=-3)", "random.uniform(a=1, b=2)", "random.uniform(-1.5, b=2)",
    "random.choice(seq=items)", "random.gauss(mu=0, sigma=1)", "random.gauss(mu=0.0)",
    "random.getrandbits(k=20)", "random.getrandbits(k=63)", "shuffled2(items)",
    "random.randint(-2 ** 62, b=2 ** 62)",
]
PRELUDE = ("import random\nitems = ['a', 'b', 'c', 'd', 'e', 'f']\n"
           "def shuffled(xs):\n    ys = list(xs)\n    random.shuffle(ys)\n    return ys\n"
           "def shuffled2(xs):\n    ys = list(xs)\n    random.shuffle(x=ys)\n    return ys\n")


def _calls_program(calls, seed=None, rounds=20):
    src = PRELUDE + ("" if seed is None else f"random.seed({seed!r})\n")
    src += "for i in range(%d):\n" % rounds
    for c in calls:
        src += f"    print({c})\n"
    return src


def test_fast_paths_and_host_give_the_same_values():
    fast = run(_calls_program(CALLS, 99))
    host = run(_calls_program(HOST_CALLS, 99))
    assert fast == host
    assert len(set(fast.splitlines())) > 100        # not a constant stream


def test_python_model_gives_the_vm_values():
    """VMRandom (CPython's algorithms on the generator) on a plain register array
    predicts the VM's values: the generator is fully specified by vm/rng.py."""
    R = np.zeros(L.NREGS, np.int64)
    rng.set_state(R, rng.state_from_int(2024))
    r = VMRandom(R)
    items = ['a', 'b', 'c', 'd', 'e', 'f']
    expected = []
    for _ in range(10):
        expected.append(repr(r.random()))
        expected.append(repr(r.randint(1, 6)))
        expected.append(repr(r.choice(items)))
        expected.append(repr(r.gauss(0, 1)))
        ys = list(items)
        r.shuffle(ys)
        expected.append(repr(ys))
    src = ("import random\nrandom.seed(2024)\nitems = ['a', 'b', 'c', 'd', 'e', 'f']\n"
           "for i in range(10):\n    print(repr(random.random()))\n"
           "    print(repr(random.randint(1, 6)))\n    print(repr(random.choice(items)))\n"
           "    print(repr(random.gauss(0, 1)))\n    ys = list(items)\n"
           "    random.shuffle(ys)\n    print(repr(ys))\n")
    assert run(src).splitlines() == expected


def test_seeding_rules():
    base = run(_calls_program(CALLS[:3], None, 5))
    assert base == run(_calls_program(CALLS[:3], 0, 5))            # default is seed(0)
    assert base == run(_calls_program(CALLS[:3], None, 5) .replace(
        "for i", "random.seed()\nfor i", 1))                       # seed() -> default
    assert base != run(_calls_program(CALLS[:3], 1, 5))
    assert run(_calls_program(CALLS[:3], 5, 5)) == run(_calls_program(CALLS[:3], -5, 5))
    assert run(_calls_program(CALLS[:3], "x", 5)) != run(_calls_program(CALLS[:3], "y", 5))
    assert run(_calls_program(CALLS[:3], 2 ** 100, 5)) != run(_calls_program(CALLS[:3], 2 ** 101, 5))
    # the host picks the starting seed
    assert base != run(_calls_program(CALLS[:3], None, 5), random_seed=7)
    assert run(_calls_program(CALLS[:3], 7, 5)) == run(_calls_program(CALLS[:3], None, 5),
                                                       random_seed=7)


def test_random_state_survives_snapshots_mid_sequence():
    src = _calls_program(CALLS, 3, 4)
    prog = amber.compile(src, "snap.py")
    whole = run(src)
    total = amber.VM(prog, stdout=io.StringIO())
    total.run()
    n = total.instructions
    for pause in sorted({1, 5, n // 7, n // 3, n // 2, n - 3} | set(range(30, n, max(1, n // 23)))):
        out = io.StringIO()
        vm = amber.VM(prog, stdout=out)
        assert vm.run(fuel=pause) is amber.Status.PAUSED
        data = snapshot.save(vm)
        out2 = io.StringIO()
        vm2 = snapshot.load(data, stdout=out2)
        assert vm2.run() is amber.Status.FINISHED
        assert out.getvalue() + out2.getvalue() == whole, pause
        assert vm2.instructions == n


def test_gauss_cache_is_in_the_snapshot():
    src = "import random\nrandom.seed(4)\na = random.gauss()\nprint(random.gauss())\n"
    prog = amber.compile(src, "g.py")
    vm = amber.VM(prog, stdout=io.StringIO())
    while vm.st.R[L.R_GAUSS_HAS] == 0:
        assert vm.run(fuel=1) is amber.Status.PAUSED
    out = io.StringIO()
    vm2 = snapshot.load(snapshot.save(vm), stdout=out)
    vm2.run()
    assert out.getvalue() == run(src)


# ---------------------------------------------------------------------------
# hostile snapshots: generator state, module objects
# ---------------------------------------------------------------------------

def _paused_after_import():
    prog = amber.compile("import math\nimport random\nx = random.random()\ny = math.pi\n"
                         "print(x < 1, y)\n", "h.py")
    vm = amber.VM(prog, stdout=io.StringIO())
    for _ in range(5000):           # (the prelude runs first: a few hundred steps)
        vm.run(fuel=1)
        if (vm.st.G[:, 0] == L.MODULE).sum() == 2:
            return vm
    raise AssertionError("never imported")


@pytest.mark.parametrize("edit, why", [
    (lambda a, b: a["R"].__setitem__(slice(L.R_RNG, L.R_RNG + 4), 0), "all zero"),
    (lambda a, b: a["R"].__setitem__(L.R_GAUSS_HAS, 2), "gauss flag"),
    (lambda a, b: a["R"].__setitem__(L.R_GAUSS, 5), "gauss value"),
    (lambda a, b: (a["R"].__setitem__(L.R_GAUSS_HAS, 1),
                   a["R"].__setitem__(L.R_GAUSS, int(np.float64(math.inf).view(np.int64)))),
     "gauss value"),
])
def test_corrupted_random_state_is_refused(edit, why):
    data = _edit(snapshot.save(_paused_after_import()), edit)
    with pytest.raises(SnapshotError, match=why):
        snapshot.load(data)


def _module_rows(arrays):
    H = arrays["H"]
    return [i for i in range(H.shape[0]) if H[i, L.KIND] == L.MODULE]


@pytest.mark.parametrize("col, value", [(L.A, 99), (L.A, -1), (L.B, -5), (L.B, 10 ** 9),
                                        (L.C, 3), (L.D, 0)])
def test_corrupted_module_object_is_refused(col, value):
    def edit(arrays, body):
        for r in _module_rows(arrays):
            arrays["H"][r, col] = value
    data = _edit(snapshot.save(_paused_after_import()), edit)
    with pytest.raises(SnapshotError):
        snapshot.load(data)


def test_module_namespace_that_is_not_a_dict_is_refused():
    def edit(arrays, body):
        H = arrays["H"]
        strs = [i for i in range(H.shape[0]) if H[i, L.KIND] == L.STR]
        for r in _module_rows(arrays):
            H[r, L.B] = strs[0]
    with pytest.raises(SnapshotError, match="module"):
        snapshot.load(_edit(snapshot.save(_paused_after_import()), edit))


def test_import_slot_renamed_is_refused():
    def edit(arrays, body):
        g = body["program"]["globals"]
        g[g.index("<modules>.math")] = "<modules>.os"
    with pytest.raises(SnapshotError, match="not a module slot"):
        snapshot.load(_edit(snapshot.save(_paused_after_import()), edit))


def test_module_slot_holding_something_else_is_remade():
    """A global import slot that holds another value (an edited snapshot) is not
    trusted as a module: IMPORT_NAME makes a fresh module."""
    prog = amber.compile("import math\nimport math as m\nprint(m.sqrt(4.0))\n", "h.py")
    vm = amber.VM(prog, stdout=io.StringIO())
    vm.run(fuel=2)

    def edit(arrays, body):
        i = body["program"]["globals"].index("<modules>.math")
        arrays["G"][i] = (L.INT, 5)
    out = io.StringIO()
    vm2 = snapshot.load(_edit(snapshot.save(vm), edit), stdout=out)
    assert vm2.run() is amber.Status.FINISHED
    assert out.getvalue() == "2.0\n"


def test_pause_between_builtin_copy_and_call():
    """A module function whose call needs memory is retried after the host grows the
    heap; a snapshot at every boundary of such a program resumes exactly."""
    src = ("import random\nrandom.seed(1)\nxs = []\nfor i in range(300):\n"
           "    xs.append(random.choice([i, i + 1]))\n    random.shuffle(xs)\nprint(sum(xs))\n")
    whole = run(src)
    prog = amber.compile(src, "p.py")
    for pause in range(1, 4000, 97):
        out = io.StringIO()
        vm = amber.VM(prog, stdout=out)
        if vm.run(fuel=pause) is not amber.Status.PAUSED:
            break
        out2 = io.StringIO()
        vm2 = snapshot.load(snapshot.save(vm), stdout=out2)
        vm2.run()
        assert out.getvalue() + out2.getvalue() == whole


# ---------------------------------------------------------------------------
# resource guards
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("expr", ["math.factorial(10 ** 7)", "math.comb(10 ** 9, 10 ** 6)",
                                  "math.perm(10 ** 8, 10 ** 6)", "random.getrandbits(10 ** 9)",
                                  "random.choices([1], k=10 ** 10)",
                                  "math.prod([2 ** 4000000, 2 ** 4000000])"])
def test_huge_module_results_are_memory_errors(expr):
    src = f"import math\nimport random\ntry:\n    {expr}\nexcept MemoryError:\n    print('MemoryError')\n"
    assert run(src) == "MemoryError\n"


def test_module_work_costs_fuel():
    a = amber.VM(amber.compile("import math\nx = math.factorial(20000)\n", "f.py"),
                 stdout=io.StringIO())
    a.run()
    b = amber.VM(amber.compile("import random\nxs = list(range(100000))\n"
                               "random.shuffle(xs)\n", "f.py"), stdout=io.StringIO())
    b.run()
    assert a.instructions > 100 and b.instructions > 3000


@pytest.mark.parametrize("expr", ["math.__dict__", "math.__loader__", "math.__spec__",
                                  "random.__class__", "random.seed.__self__",
                                  "math.sqrt.__self__", "random._inst", "random.Random",
                                  "math.__builtins__"])
def test_module_internals_are_unreachable(expr):
    src = f"import math\nimport random\nx = {expr}\nprint(x)\n"
    out = io.StringIO()
    vm = amber.VM(amber.compile(src, "esc.py"), stdout=out)
    assert vm.run() is amber.Status.ERROR
    assert vm.error.type_name in ("AttributeError", "TypeError"), vm.error.traceback
    assert out.getvalue() == ""


def test_math_functions_as_sort_keys():
    assert run("import math\nprint(sorted([2.5, -1.5, 1.2], key=math.floor), "
               "max([1, -3], key=math.fabs))\n") == "[-1.5, 1.2, 2.5] -3\n"


def test_randrange_fast_path_agrees_with_cpythons_code_on_edges():
    """Random (start, stop, step) triples, edge values included: the numba fast path
    (positional ints) and CPython's randrange on the same generator (forced by a
    keyword) give the same value or the same error, call after call."""
    r = pyrandom.Random(11)
    edges = [0, 1, -1, 2, 3, 7, -7, 2 ** 62, -(2 ** 62), 2 ** 63 - 1, -(2 ** 63), 2 ** 63,
             10 ** 6, -(10 ** 6)]
    triples = []
    for _ in range(300):
        pick = lambda: r.choice(edges) if r.random() < 0.4 else r.randint(-50, 50)  # noqa
        triples.append((pick(), pick(), pick() or 1))
    body = "import random\nrandom.seed(3)\nts = %r\nfor a, b, c in ts:\n" % triples
    call = {"fast": ["random.randrange(a)", "random.randrange(a, b)", "random.randrange(a, b, c)",
                     "random.randint(a, b)", "random.getrandbits(c if 0 <= c < 70 else 5)"],
            "host": ["random.randrange(start=a)", "random.randrange(a, stop=b)",
                     "random.randrange(a, b, step=c)", "random.randint(a, b=b)",
                     "random.getrandbits(k=c if 0 <= c < 70 else 5)"]}
    outs = {}
    for mode, calls in call.items():
        src = body
        for c in calls:
            src += (f"    try:\n        print({c})\n"
                    f"    except (ValueError, TypeError) as e:\n        print(type(e).__name__, e)\n")
        outs[mode] = run(src)
    assert outs["fast"] == outs["host"]
    assert "ValueError" in outs["fast"]
