"""The VM as a machine: fuel, preemption, determinism, garbage collection, dicts, hashing.

CPython is the oracle for every printed result: sources are exec-ed in this process
with stdout captured, and Amber must print the same text.
"""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import amber
from oracle import PROGRAMS_DIR

FINISHED, PAUSED, ERROR = amber.Status.FINISHED, amber.Status.PAUSED, amber.Status.ERROR


def make_vm(source: str, filename: str = "t.py", **limits) -> amber.VM:
    return amber.VM(amber.compile(source, filename), stdout=io.StringIO(), **limits)


def amber_output(source: str, **limits) -> tuple[amber.Status, str, amber.VM]:
    vm = make_vm(source, **limits)
    status = vm.run()
    return status, vm.stdout.getvalue(), vm


def cpython_output(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "t.py", "exec", dont_inherit=True), {"__name__": "__main__"})
    return out.getvalue()


def assert_like_cpython(source: str, **limits) -> amber.VM:
    status, out, vm = amber_output(source, **limits)
    assert status is FINISHED, vm.error and vm.error.traceback
    assert out == cpython_output(source)
    return vm


# ---------------------------------------------------------------------------
# Fuel
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("fuel", [1, 2, 7, 100, 12345])
def test_fuel_pauses_infinite_loop_exactly(fuel):
    vm = make_vm("while True:\n    pass\n")
    assert vm.run(fuel=fuel) is PAUSED
    assert vm.instructions == fuel


def test_fuel_accumulates_over_calls():
    vm = make_vm("x = 0\nwhile True:\n    x = x + 1\n")
    total = 0
    for fuel in [1, 3, 1000, 1, 77, 50000, 2]:
        assert vm.run(fuel=fuel) is PAUSED
        total += fuel
        assert vm.instructions == total


def test_zero_fuel_runs_nothing():
    vm = make_vm("print('hi')\n")
    assert vm.run(fuel=0) is PAUSED
    assert vm.instructions == 0
    assert vm.stdout.getvalue() == ""
    assert vm.run() is FINISHED
    assert vm.stdout.getvalue() == "hi\n"


def test_fuel_counts_calls_and_prints_as_single_instructions():
    # Services (print) complete the instruction atomically: a one-instruction slice
    # that lands on a CALL of print prints exactly once.
    src = "for i in range(5):\n    print(i)\n"
    vm = make_vm(src)
    steps = 0
    while vm.run(fuel=1) is PAUSED:
        steps += 1
        assert steps < 10_000
    assert vm.stdout.getvalue() == cpython_output(src)
    assert vm.instructions == steps + 1


def test_run_after_finish_is_idempotent():
    vm = make_vm("print(1)\n")
    assert vm.run() is FINISHED
    n = vm.instructions
    assert vm.run() is FINISHED
    assert vm.run(fuel=10) is FINISHED
    assert vm.instructions == n
    assert vm.stdout.getvalue() == "1\n"


def test_run_after_error_keeps_error():
    vm = make_vm("print(1)\nx = 1 // 0\nprint(2)\n")
    assert vm.run() is ERROR
    n = vm.instructions
    err = vm.error
    assert err.type_name == "ZeroDivisionError"
    assert vm.run() is ERROR
    assert vm.error is err and vm.instructions == n
    assert vm.stdout.getvalue() == "1\n"


# Small programs of the corpus (a few hundred to two thousand instructions), chosen to
# exercise calls, closures, globals, dicts, strings and printing in between slices.
SLICED_PROGRAMS = [
    "034_globals.py",
    "035_closures_nonlocal.py",
    "036_lambda.py",
    "059_bank_account_closures.py",
    "064_bracket_matching.py",
    "err_004_wrong_arg_count.py",
]


@pytest.fixture(scope="module")
def reference_runs():
    """Uninterrupted runs of the sliced programs: (source, status, output, count, error)."""
    refs = {}
    for name in SLICED_PROGRAMS:
        source = (PROGRAMS_DIR / name).read_text(encoding="utf-8")
        vm = make_vm(source, name)
        status = vm.run()
        refs[name] = (source, status, vm.stdout.getvalue(), vm.instructions,
                      vm.error and vm.error.traceback)
    return refs


@pytest.mark.parametrize("name", SLICED_PROGRAMS)
def test_reference_runs_are_sane(reference_runs, name):
    source, status, out, count, tb = reference_runs[name]
    assert count > 0
    if name.startswith("err_"):
        assert status is ERROR
    else:
        assert status is FINISHED and out


@pytest.mark.parametrize("name", SLICED_PROGRAMS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(k=st.integers(min_value=1, max_value=50))
def test_slicing_is_invisible(reference_runs, name, k):
    """Running in slices of k fuel units gives the same output, status, traceback and
    final count as one unbounded run; every slice but the last uses at least k units
    (exactly k, unless its last instruction did bulk work, which costs extra)."""
    source, status, out, count, tb = reference_runs[name]
    vm = make_vm(source, name)
    slices = 0
    while True:
        before = vm.instructions
        s = vm.run(fuel=k)
        slices += 1
        if s is not PAUSED:
            break
        assert before + k <= vm.instructions <= before + k + 64
        assert slices <= count // k + 2
    assert s is status
    assert vm.stdout.getvalue() == out
    assert vm.instructions == count
    assert (vm.error and vm.error.traceback) == tb


@settings(max_examples=20, deadline=None)
@given(cuts=st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=20))
def test_irregular_slices_are_invisible(cuts):
    src = (PROGRAMS_DIR / "035_closures_nonlocal.py").read_text(encoding="utf-8")
    ref = make_vm(src)
    ref.run()
    vm = make_vm(src)
    for fuel in cuts:
        if vm.run(fuel=fuel) is not PAUSED:
            break
    vm.run()
    assert vm.stdout.getvalue() == ref.stdout.getvalue()
    assert vm.instructions == ref.instructions


# ---------------------------------------------------------------------------
# Determinism
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["062_merge_quick_sort.py", "075_hashing.py",
                                  "028_dict_order_iteration.py", "053_caesar_cipher.py"])
def test_two_runs_are_identical(name):
    source = (PROGRAMS_DIR / name).read_text(encoding="utf-8")
    runs = []
    for _ in range(2):
        vm = make_vm(source, name)
        status = vm.run()
        runs.append((status, vm.stdout.getvalue(), vm.instructions))
    assert runs[0] == runs[1]
    assert runs[0][0] is FINISHED


def test_instruction_count_unaffected_by_collection():
    """Collections and array growth happen between instructions and cost no fuel: an
    extra collection forced in the middle of a run changes neither output nor count."""
    src = "acc = []\nfor i in range(3000):\n    acc.append([i, str(i)])\n    t = (i, i)\nprint(len(acc))\n"
    a = make_vm(src)
    a.run()
    b = make_vm(src)
    b.run(fuel=5000)
    b.collect()
    b.run()
    assert a.instructions == b.instructions
    assert a.stdout.getvalue() == b.stdout.getvalue() == "3000\n"


def test_fuel_grows_with_builtin_work():
    def cost(n, op):
        setup = f"l = list(range({n}))\n"
        base = make_vm(setup)
        base.run()
        vm = make_vm(setup + op + "\n")
        vm.run()
        return vm.instructions - base.instructions

    for op in ["x = sorted(l)", "x = l[:]", "x = l * 3", "x = l == l[:]"]:
        assert cost(100_000, op) > cost(10, op) + 1000, op


# ---------------------------------------------------------------------------
# Garbage collection
# ---------------------------------------------------------------------------

GARBAGE_PROGRAMS = {
    "strings": "for i in range(200000):\n    s = f'item{i}' + '!'\nprint(s, len(s))\n",
    "lists": "for i in range(200000):\n    l = [i, [i + 1], (i, i)]\nprint(l)\n",
    "dicts": "for i in range(200000):\n    d = {'a': i, i: [i], 'k' + 'ey': 'v'}\nprint(d)\n",
    "mixed": ("keep = []\nfor i in range(100000):\n    t = (i, [i] * 3, {'x': i})\n"
              "    if i % 1000 == 0:\n        keep.append(t)\nprint(len(keep), keep[-1])\n"),
}


@pytest.mark.parametrize("name", sorted(GARBAGE_PROGRAMS))
def test_gc_bounds_object_table(name):
    """A loop that allocates 200k+ objects and drops them: CPython's output, and the
    object table stays far smaller than the number of objects allocated."""
    vm = assert_like_cpython(GARBAGE_PROGRAMS[name])
    assert vm.st.H.shape[0] <= 16384, vm.st.H.shape
    assert vm.st.V.shape[0] <= 65536, vm.st.V.shape


def test_gc_keeps_live_data_intact():
    src = """
keep = {}
for i in range(30000):
    junk = [f'{i}'] * 3
    if i % 97 == 0:
        keep[i] = (junk, 'v' + str(i), [i, [i, [i]]])
total = 0
for k in keep:
    total += k + len(keep[k][0]) + len(keep[k][1])
print(len(keep), total, keep[97], keep[29100])
"""
    vm = assert_like_cpython(src)
    assert vm.st.H.shape[0] <= 16384


def test_grow_list_to_a_million_ints():
    assert_like_cpython("l = []\nfor i in range(1000000):\n    l.append(i)\n"
                        "print(len(l), sum(l), l[-1], l[500000])\n")


def test_string_concatenation_in_a_loop():
    vm = assert_like_cpython("s = ''\nfor i in range(10000):\n    s += 'x'\n"
                             "t = ''\nfor i in range(2000):\n    t = t + str(i % 10)\n"
                             "print(len(s), len(t), t[-20:])\n")
    # the dead intermediate strings (50 M characters in all) were reclaimed
    assert vm.st.CH.shape[0] <= 1 << 18, vm.st.CH.shape


def test_explicit_collect_between_slices():
    src = "l = []\nfor i in range(20000):\n    l.append([i])\n    x = [i, i]\nprint(len(l), l[-1])\n"
    vm = make_vm(src)
    while vm.run(fuel=7919) is PAUSED:
        vm.collect()
    assert vm.stdout.getvalue() == cpython_output(src)


# ---------------------------------------------------------------------------
# Dicts: insertion order, deletes, hashing
# ---------------------------------------------------------------------------

def test_dict_order_with_many_inserts_and_deletes():
    assert_like_cpython("""
d = {}
for i in range(6000):
    d[i * 7 % 1009] = i
    if i % 3 == 0:
        d.pop((i * 5) % 1009, None)
print(len(d), list(d)[:15], list(d.items())[-5:])
for i in range(0, 1009, 2):
    if i in d:
        del d[i]
d[3] = 'x'
d[-1] = 'y'
d[1008] = 'z'
print(list(d)[-8:], len(d), len(list(d.values())))
for k in list(d):
    del d[k]
d['again'] = 1
print(d, len(d))
""")


def test_dict_reinsert_moves_to_end_only_after_delete():
    assert_like_cpython("""
d = {'a': 1, 'b': 2, 'c': 3}
d['a'] = 10
print(d)
del d['a']
d['a'] = 11
print(d, list(d.keys()), list(d.values()))
""")


def test_dict_string_keys_churn():
    assert_like_cpython("""
d = {}
for i in range(3000):
    d['k' + str(i % 500)] = i
    if i % 7 == 0:
        d.pop('k' + str((i * 3) % 500), 0)
print(len(d), list(d)[:10], d.get('k499'), d.get('nope', -1))
""")


def test_equal_numbers_are_one_key():
    assert_like_cpython("""
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
e = {True: 1, 1.0: 2, 1: 3, 0: 4, False: 5, 0.0: 6, -0.0: 7}
print(e, len(e))
print(1 in {1.0: 0}, 2.0 in {2: 0}, True in {1: 0}, 0 in {False: 0}, 1.5 in {1: 0})
print({2**40: 1, float(2**40): 2}, {-1: 'a', -2: 'b'}, {0.5: 1, 1.5: 2})
print({(1, 2): 1, (1.0, 2.0): 2, (True, 2): 3})
print({'a': 1, 'a' + '': 2, 'ab'[:1]: 3})
""")


def test_numeric_keys_lookup_across_types():
    assert_like_cpython("""
d = {}
for i in range(200):
    d[i] = i
hits = 0
for i in range(200):
    if float(i) in d and d[float(i)] == i:
        hits += 1
print(hits, d[True], d[0.0], d.get(3.5, 'none'))
""")
