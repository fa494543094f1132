"""Arbitrary-precision ints: a CPython-oracle property over random big-int expressions,
normalization (an int that fits in 64 bits is always an INT), hostile sizes, fuel
charged for big-int work, BIGINT rows in snapshots (validated, and live in frames
across a pause), and the garbage collector compacting their limbs."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import amber
from amber import snapshot
from amber.snapshot import SnapshotError
from amber.vm import layout as L

from test_snapshot_fuzz import _edit    # decode a snapshot's arrays, edit, re-seal


def run(src: str, **kw):
    out = io.StringIO()
    vm = amber.VM(amber.compile(src, "big.py"), stdout=out, **kw)
    status = vm.run()
    return vm, status, out.getvalue()


def cpython(src: str) -> str:
    return cpython_outcome(src)[0]


def cpython_outcome(src: str):
    """(stdout, None) or (stdout so far, (exception type name, message))."""
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(src, "big.py", "exec"), {"__name__": "__main__"})
    except Exception as e:   # noqa: BLE001 - CPython's error is the expected outcome
        return buf.getvalue(), (type(e).__name__, str(e))
    return buf.getvalue(), None


def global_value(vm, name):
    i = vm.program.globals.index(name)
    return int(vm.st.G[i, 0]), int(vm.st.G[i, 1])


# ---------------------------------------------------------------------------
# property: random big-int expressions against CPython
# ---------------------------------------------------------------------------

OPS = ["+", "-", "*", "//", "%", "/", "&", "|", "^", "<", "<=", "==", "!=", ">", ">="]


@st.composite
def big_operands(draw):
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(st.integers(-(2**64), 2**64))         # around the int64 boundary
    if kind == 1:
        return draw(st.sampled_from([0, 1, -1, 2**63 - 1, -(2**63), 2**63, 2**64, 2**53 + 1]))
    if kind == 2:
        return draw(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e30,
                              max_value=1e30))
    return draw(st.integers(-(2**300), 2**300))


def _lit(x) -> str:
    return f"({x!r})"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(big_operands(), st.sampled_from(OPS + ["**", "<<", ">>", "divmod",
                                                                 "pow3", "neg", "invert", "hash"]),
                          big_operands(), st.integers(0, 70)), min_size=1, max_size=8))
def test_random_big_int_operations_match_cpython(cases):
    lines = []
    for a, op, b, small in cases:
        if op in ("**", "<<", ">>"):
            if isinstance(a, float):
                a = int(a)
            expr = f"{_lit(a)} {op} {small}"
        elif op == "divmod":
            expr = f"divmod({_lit(a)}, {_lit(b)})"
        elif op == "pow3":
            expr = f"pow({_lit(int(a))}, {small}, {_lit(int(b))})"
        elif op == "neg":
            expr = f"-{_lit(a)}, +{_lit(a)}, abs({_lit(a)})"
        elif op == "invert":
            expr = f"~{_lit(int(a))}"
        elif op == "hash":
            expr = f"hash({_lit(a)}), hash(({_lit(a)}, 1))"
        else:
            expr = f"{_lit(a)} {op} {_lit(b)}"
        lines.append(f"print({expr})\n")
    src = "".join(lines)
    want, exc = cpython_outcome(src)
    vm, status, got = run(src)
    assert got == want, src
    if exc is None:
        assert status is amber.Status.FINISHED, (src, vm.error and vm.error.traceback)
    else:
        assert status is amber.Status.ERROR, (src, exc)
        assert (vm.error.type_name, vm.error.message) == exc, src


# ---------------------------------------------------------------------------
# normalization: one value, one form
# ---------------------------------------------------------------------------

def test_results_that_fit_are_inline_ints():
    src = ("a = 2 ** 70 - 2 ** 70 + 5\nb = (2 ** 64) // (2 ** 32)\nc = -(2 ** 63)\n"
           "d = (2 ** 63) - 1\ne = 2 ** 63\nf = -(2 ** 63) - 1\ng = (2 ** 100) >> 90\n"
           "h = abs(-(2 ** 63) + 0)\ni = int(2.0 ** 62)\nj = sum([2 ** 64, -(2 ** 64), 7])\n"
           "k = (3 ** 50) % 1000\nm = -(-(2 ** 63))\nn = 2 ** 64 & 0xFF\n")
    vm, status, _ = run(src)
    assert status is amber.Status.FINISHED
    expect = {"a": L.INT, "b": L.INT, "c": L.INT, "d": L.INT, "e": L.BIGINT, "f": L.BIGINT,
              "g": L.INT, "h": L.BIGINT, "i": L.INT, "j": L.INT, "k": L.INT, "m": L.BIGINT,
              "n": L.INT}
    for name, tag in expect.items():
        assert global_value(vm, name)[0] == tag, name


def test_big_int_literals_are_constants_and_survive_a_snapshot():
    src = ("x = 123456789012345678901234567890\ny = -0xFFFFFFFFFFFFFFFFFFFF\n"
           "print(x, y, x + y, x == 123456789012345678901234567890)\n")
    prog = amber.compile(src, "lit.py")
    assert 123456789012345678901234567890 in prog.consts
    vm = amber.VM(prog, stdout=io.StringIO())
    vm.run(fuel=1)
    out = io.StringIO()
    vm2 = snapshot.load(snapshot.save(vm), stdout=out)
    assert vm2.run() is amber.Status.FINISHED
    assert out.getvalue() == cpython(src)


# ---------------------------------------------------------------------------
# hostile sizes: a clear error, at once
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("expr", [
    "2 ** (10 ** 12)", "1 << (1 << 40)", "(-3) ** (2 ** 64)", "(2 ** 4000000) * (2 ** 4000000)",
    "pow(7, 10 ** 9)", "int('f' * 1100000, 16)", "10 ** 10 ** 10",
])
def test_huge_results_are_a_memory_error(expr):
    vm, status, _ = run(f"x = {expr}\nprint('unreachable')\n")
    assert status is amber.Status.ERROR
    assert vm.error.type_name == "MemoryError"
    assert "bits" in vm.error.message


def test_big_ints_stay_within_the_memory_limit():
    vm, status, _ = run("x = 7 ** 1400000\nprint(x > 0)\n", memory_limit=1 << 20)
    assert status is amber.Status.ERROR and vm.error.type_name == "MemoryError"


def test_big_int_work_is_charged_as_fuel():
    src = "n = 0\nwhile n < 4:\n    x = 10 ** 200000\n    n += 1\nprint(n)\n"
    prog = amber.compile(src, "fuel.py")
    vm = amber.VM(prog, stdout=io.StringIO())
    assert vm.run(fuel=2000) is amber.Status.PAUSED
    # one power of ~660000 bits is far more than 2000 units of work: the slice ended
    # right after the first one, which charged its size
    assert vm.instructions > 100_000
    n_kind, n_val = global_value(vm, "n")
    assert (n_kind, n_val) == (L.INT, 0)
    assert vm.run() is amber.Status.FINISHED
    plain = amber.VM(amber.compile("n = 0\nwhile n < 4:\n    x = 10 ** 2\n    n += 1\n"
                                   "print(n)\n", "fuel.py"), stdout=io.StringIO())
    plain.run()
    assert vm.instructions > 4 * 100_000 + plain.instructions


def test_sequence_times_big_int_and_range_of_big_int():
    vm, status, _ = run("x = 'ab' * (2 ** 64)\n")
    assert vm.error.type_name == "OverflowError"
    assert vm.error.message == "cannot fit 'int' into an index-sized integer"
    vm, status, _ = run("x = (1, 2) * -(2 ** 64)\n")
    assert vm.error.message == "cannot fit 'int' into an index-sized integer"
    vm, status, _ = run("for i in range(2 ** 64, 2 ** 64 + 3):\n    print(i)\n")
    assert status is amber.Status.ERROR and vm.error.type_name == "OverflowError"
    assert "range()" in vm.error.message


def test_str_of_a_huge_int_hits_cpythons_digit_limit():
    vm, status, out = run("x = 10 ** 5000\nprint(len(hex(x)))\ns = f'{x}'\n")
    assert out == f"{len(hex(10 ** 5000))}\n"
    assert vm.error.type_name == "ValueError"
    assert vm.error.message.startswith("Exceeds the limit (4300 digits) for integer string "
                                       "conversion")


# ---------------------------------------------------------------------------
# garbage collection compacts limbs; snapshots carry live big ints in frames
# ---------------------------------------------------------------------------

GC_SRC = """
def churn(n):
    keep = []
    x = 3 ** 200
    for i in range(n):
        x = x * 7 + i
        if i % 50 == 0:
            keep.append(x)
        junk = [x, -x, x + 1]
    return keep, x

keep, last = churn(2000)
print(len(keep), keep[5] % 1000003, last % 998244353, sum(keep) % 1000000007)
d = {k: i for i, k in enumerate(keep)}
print(d[keep[7]], keep[3] in d, (keep[3] + 1) in d)
"""


def test_gc_compacts_big_int_limbs():
    vm, status, out = run(GC_SRC, memory_limit=64 << 20)
    assert status is amber.Status.FINISHED, vm.error and vm.error.traceback
    assert out == cpython(GC_SRC)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(1, 60000), min_size=1, max_size=3, unique=True).map(sorted))
def test_pause_with_big_ints_live_in_frames(points):
    prog = amber.compile(GC_SRC, "gc.py")
    ref = amber.VM(prog, stdout=(ref_out := io.StringIO()))
    ref.run()
    out = io.StringIO()
    vm = amber.VM(prog, stdout=out)
    for k in points:
        if k >= ref.instructions or k <= vm.instructions:
            continue
        assert vm.run(fuel=k - vm.instructions) is amber.Status.PAUSED
        if vm.instructions % 2:
            vm.collect()
        vm = snapshot.load(snapshot.save(vm), stdout=out)
    assert vm.run() is amber.Status.FINISHED
    assert out.getvalue() == ref_out.getvalue()
    assert vm.instructions == ref.instructions


# ---------------------------------------------------------------------------
# snapshot validation of BIGINT rows
# ---------------------------------------------------------------------------

def _paused_with(src: str, name: str):
    prog = amber.compile(src, "snap.py")
    for k in range(1, 10_000):
        vm = amber.VM(prog, stdout=io.StringIO())
        assert vm.run(fuel=k) is amber.Status.PAUSED
        if name in prog.globals and global_value(vm, name)[0] == L.BIGINT:
            return vm
    raise AssertionError("never paused with a big int")


SNAP_SRC = "x = 3 ** 100\ny = x * x\nd = {x: 1}\nprint(d[3 ** 100], y % 1000)\n"


@pytest.fixture(scope="module")
def big_snapshot():
    vm = _paused_with(SNAP_SRC, "y")
    return snapshot.save(vm), global_value(vm, "x")[1], global_value(vm, "y")[1]


def _limb_row(H, r, i):
    return int(H[r, L.A]) + i // 2, i % 2


BAD_EDITS = {
    "offset_past_arena": lambda a, r: a["H"].__setitem__((r, L.A), a["V"].shape[0]),
    "offset_negative": lambda a, r: a["H"].__setitem__((r, L.A), -1),
    "offset_wraps": lambda a, r: (a["H"].__setitem__((r, L.A), 2**62),
                                  a["H"].__setitem__((r, L.B), 2**63 - 1)),
    "one_limb": lambda a, r: a["H"].__setitem__((r, L.B), 1),
    "too_many_limbs": lambda a, r: a["H"].__setitem__((r, L.B), 1 << 40),
    "bad_sign": lambda a, r: a["H"].__setitem__((r, L.C), 0),
    "limb_over_32_bits": lambda a, r: a["V"].__setitem__(_limb_row(a["H"], r, 0), 1 << 32),
    "negative_limb": lambda a, r: a["V"].__setitem__(_limb_row(a["H"], r, 1), -5),
    "top_limb_zero": lambda a, r: a["V"].__setitem__(
        _limb_row(a["H"], r, int(a["H"][r, L.B]) - 1), 0),
}


@pytest.mark.parametrize("edit", list(BAD_EDITS))
def test_corrupted_bigint_rows_are_refused(big_snapshot, edit):
    data, row, _ = big_snapshot
    bad = _edit(data, lambda a, body: BAD_EDITS[edit](a, row))
    with pytest.raises(SnapshotError):
        snapshot.load(bad)


def test_bigints_sharing_limbs_are_refused(big_snapshot):
    data, x, y = big_snapshot
    bad = _edit(data, lambda a, body: a["H"].__setitem__((x, L.A), int(a["H"][y, L.A])))
    with pytest.raises(SnapshotError):
        snapshot.load(bad)


def test_a_bigint_that_fits_in_64_bits_is_refused():
    vm = _paused_with("x = 2 ** 64 + 5\nprint(x)\n", "x")
    data = snapshot.save(vm)
    row = global_value(vm, "x")[1]

    def shrink(a, body, top, low, sign):
        o = int(a["H"][row, L.A])
        a["H"][row, L.B] = 2
        a["H"][row, L.C] = sign
        a["V"][o, 0] = low
        a["V"][o, 1] = top

    for top, low, sign in [(1, 0, 1), (0x7FFFFFFF, 0xFFFFFFFF, 1), (0x7FFFFFFF, 0xFFFFFFFF, -1),
                           (0x80000000, 0, -1)]:
        bad = _edit(data, lambda a, body: shrink(a, body, top, low, sign))
        with pytest.raises(SnapshotError):
            snapshot.load(bad)
    # the smallest magnitudes that do not fit are accepted
    for top, low, sign in [(0x80000000, 0, 1), (0x80000000, 1, -1)]:
        ok = _edit(data, lambda a, body: shrink(a, body, top, low, sign))
        vm2 = snapshot.load(ok, stdout=(out := io.StringIO()))
        assert vm2.run() is amber.Status.FINISHED
        assert out.getvalue() == f"{sign * ((top << 32) | low)}\n"


def test_big_constant_must_match_the_program(big_snapshot):
    vm = _paused_with("x = 2 ** 64\ny = 340282366920938463463374607431768211457\nprint(x, y)\n",
                      "x")
    data = snapshot.save(vm)
    k = vm.program.consts.index(340282366920938463463374607431768211457)
    row = int(vm.st.K[k, 1])

    def change(a, body):
        o = int(a["H"][row, L.A])
        a["V"][o, 0] = 2      # the constant's value no longer matches the program's
    with pytest.raises(SnapshotError):
        snapshot.load(_edit(data, change))

    def change_program(a, body):
        body["program"]["consts"][k] = {"i": b"\x01"}     # too short to be a big int
    with pytest.raises(SnapshotError):
        snapshot.load(_edit(data, change_program))
