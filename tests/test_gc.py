"""The collector: in-place compaction, young collections that leave what the previous
collection compacted where it is, big arenas grown inside an address-space reservation.

Results are compared with CPython; the layout checks say what each policy promises
(docs/design.md, "Garbage collection")."""

from __future__ import annotations

import contextlib
import io
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import amber
from amber import snapshot
from amber.vm import layout as L
from amber.vm import machine as M

FINISHED, PAUSED, ERROR = amber.Status.FINISHED, amber.Status.PAUSED, amber.Status.ERROR
MB = 1 << 20


def cpython_output(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "t.py", "exec", dont_inherit=True), {"__name__": "__main__"})
    return out.getvalue()


def make_vm(source: str, **limits) -> amber.VM:
    return amber.VM(amber.compile(source, "t.py"), stdout=io.StringIO(), **limits)


# Long-lived data of every kind that owns a region (lists with spare room, tuples,
# dicts, sets, big ints, slices, suspended generators, strings that share characters
# with their prefix) next to a steady stream of garbage of the same kinds.
MIXED = '''
def gen(n):
    acc = []
    for i in range(n):
        acc.append(i)
        yield len(acc)

keep_lists = []
keep_dicts = {}
keep_sets = []
keep_strs = []
keep_big = []
gens = [gen(100 + k) for k in range(7)]
s = ""
total = 0
for rnd in range(60):
    for i in range(300):
        junk = [i, (i, str(i)), {i: "v" + str(i)}, {i, i + 1}, "x" * (i % 7)]
        total += len(junk[1][1]) + len(junk[4])
    lst = list(range(rnd % 9))
    lst.append(rnd)
    keep_lists.append(lst)
    keep_dicts["k" + str(rnd)] = (rnd, [rnd] * (rnd % 4), slice(rnd, None, 2))
    keep_sets.append(frozenset(range(rnd % 11)))
    keep_big.append(7 ** (30 + rnd))
    s += chr(65 + rnd % 26)         # shares the characters of the previous s
    keep_strs.append(s)
    for g in gens:
        total += next(g)
    if rnd % 13 == 0:
        del keep_lists[: len(keep_lists) // 2]
        keep_strs = keep_strs[::2]
print(total, len(keep_lists), keep_lists[-3:], sorted(keep_dicts)[-3:])
print(keep_dicts["k59"], keep_dicts["k31"][2], [sorted(x) for x in keep_sets[-2:]])
print([b % 1000003 for b in keep_big[-3:]], keep_strs[-3:], len(s), s[-10:])
print([next(g) for g in gens])
'''


def _collect_in_slices(source, fuel, young_every, full_every):
    vm = make_vm(source)
    n = 0
    while vm.run(fuel=fuel) is PAUSED:
        n += 1
        if n % full_every == 0:
            vm.collect()
        elif n % young_every == 0:
            vm.collect(full=False)
    assert vm.error is None, vm.error.traceback
    return vm


@pytest.mark.parametrize("fuel,young,full", [(997, 1, 7), (5003, 2, 3), (20011, 1, 1000)])
def test_young_and_full_collections_between_slices(fuel, young, full):
    vm = _collect_in_slices(MIXED, fuel, young, full)
    assert vm.stdout.getvalue() == cpython_output(MIXED)


def test_mixed_program_with_only_the_collections_it_asks_for():
    vm = make_vm(MIXED)
    assert vm.run() is FINISHED, vm.error and vm.error.traceback
    assert vm.stdout.getvalue() == cpython_output(MIXED)


def _is(vm, name, tag):
    names = vm.program.globals
    return name in names and vm.st.G[names.index(name), 0] == tag


def _region(vm, name):
    """The V offset of global `name`'s list region."""
    i = vm.program.globals.index(name)
    tag, row = vm.st.G[i]
    assert tag == L.LIST
    return int(vm.st.H[row, L.A])


def test_young_collection_leaves_the_compacted_part_in_place():
    src = ("keep = [list(range(50)) for i in range(200)]\n"
           "big = list(range(3000))\n"
           "for i in range(20000):\n"
           "    junk = [i, i, i]\n"
           "print(sum(big), len(keep))\n")
    vm = make_vm(src)
    while not _is(vm, "big", L.LIST):
        assert vm.run(fuel=1000) is PAUSED
    vm.collect()                            # full: `big` moves down, compacted
    at = _region(vm, "big")
    top = int(vm.st.R[L.R_VTOP])
    vm.run(fuel=30000)                      # garbage above the top
    assert int(vm.st.R[L.R_VTOP]) > top
    vm.collect(full=False)
    assert _region(vm, "big") == at         # the old part did not move
    assert int(vm.st.R[L.R_VTOP]) <= top + 64   # the garbage above it went
    assert vm.run() is FINISHED
    assert vm.stdout.getvalue() == cpython_output(src)


def test_young_collection_compacts_fully_when_much_of_the_old_part_died():
    src = ("a = [[i] for i in range(20000)]\n"
           "b = list(range(100))\n"
           "for i in range(5000):\n"
           "    pass\n"
           "a = None\n"
           "for i in range(5000):\n"
           "    pass\n"
           "print(sum(b))\n")
    vm = make_vm(src)
    while not _is(vm, "b", L.LIST):
        assert vm.run(fuel=1000) is PAUSED
    vm.collect()
    top = int(vm.st.R[L.R_VTOP])
    assert top > 20000                      # `a`'s lists are live
    while not _is(vm, "a", L.NONE):
        assert vm.run(fuel=1000) is PAUSED
    vm.collect(full=False)
    assert int(vm.st.R[L.R_VTOP]) < top // 4    # dead rows below the base went too
    assert vm.run() is FINISHED
    assert vm.stdout.getvalue() == "4950\n"


def test_a_string_that_runs_over_the_base_keeps_its_characters():
    # s += c appends in place while s ends the arena: after a collection s ends the
    # compacted part, and the next s starts below the base and ends above it
    src = ("s = 'start'\n"
           "parts = []\n"
           "for i in range(3000):\n"
           "    s += chr(97 + i % 26)\n"
           "    if i % 100 == 0:\n"
           "        parts.append(s)\n"
           "    junk = str(i) + '!'\n"
           "print(len(s), s[:20], s[-20:], [p[-3:] for p in parts[-5:]], len(parts))\n")
    vm = _collect_in_slices(src, 211, 1, 10**9)
    assert vm.stdout.getvalue() == cpython_output(src)


@settings(max_examples=10, deadline=None)
@given(points=st.lists(st.integers(1, 400_000), min_size=1, max_size=4),
       young=st.booleans())
def test_collections_and_snapshots_anywhere(points, young):
    """Collect (young or full) and snapshot at arbitrary points: the output and the
    instruction count are those of the uninterrupted run."""
    program = amber.compile(MIXED, "t.py")
    want = make_vm(MIXED)
    assert want.run() is FINISHED
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    for k in sorted(set(points)):
        if k >= want.instructions:
            break
        if vm.run(fuel=k - vm.instructions) is not PAUSED:
            break
        vm.collect(full=not young)
        vm = snapshot.load(snapshot.save(vm), stdout=out)
        vm.collect(full=False)
    assert vm.run() is FINISHED
    assert out.getvalue() == want.stdout.getvalue()
    assert vm.instructions == want.instructions


def test_memory_limit_reclaims_holes_before_failing():
    # a long-lived structure dies after being compacted, then one of the same size is
    # built: under a limit that holds about two of them (plus the growth policy's
    # room) this must succeed, not raise MemoryError because the old rows sit below
    # a young collection's base
    src = ("a = [(i, i) for i in range(150000)]\n"
           "a = None\n"
           "b = [(i, i) for i in range(150000)]\n"
           "print(len(b), b[-1])\n")
    status = make_vm(src, memory_limit=48 * MB)
    assert status.run() is FINISHED, status.error and status.error.traceback
    assert status.stdout.getvalue() == cpython_output(src)


MONOTONIC_WORKLOADS = {
    # a structure built, dropped and built again: H grew to three times its live rows
    # while the tuples lived, and V could not then get the room it needed
    "tuples": ("a = [(i, i) for i in range(150000)]\n"
               "a = None\n"
               "b = [(i, i) for i in range(150000)]\n"
               "print(len(b), b[-1])\n"),
    "instances": ("class P:\n"
                  "    def __init__(self, a):\n"
                  "        self.a = a\n"
                  "        self.b = [a]\n"
                  "ps = [P(i) for i in range(30000)]\n"
                  "s = ''.join(str(p.a) for p in ps)\n"
                  "ps = None\n"
                  "qs = [P(str(i)) for i in range(30000)]\n"
                  "print(len(s), len(qs), qs[-1].b)\n"),
}


@pytest.mark.parametrize("name", sorted(MONOTONIC_WORKLOADS))
def test_a_bigger_memory_limit_never_fails_where_a_smaller_one_finished(name):
    # an arena's unneeded growth must not hold the budget that another arena's
    # required growth needs: the arenas give back their unused rows first
    src = MONOTONIC_WORKLOADS[name]
    program = amber.compile(src, "t.py")
    want = cpython_output(src)
    finished_at = None
    for mb in range(8, 42, 3):
        vm = amber.VM(program, stdout=io.StringIO(), memory_limit=mb * MB)
        status = vm.run()
        assert vm._bytes_used() <= mb * MB
        if status is FINISHED:
            assert vm.stdout.getvalue() == want
            finished_at = finished_at or mb
        else:
            assert finished_at is None, f"finished at {finished_at} MB, failed at {mb} MB"
            assert vm.error.type_name == "MemoryError"
    assert finished_at is not None


def test_memory_bomb_still_fails_cleanly():
    src = "x = []\nwhile True:\n    x.append([len(x)] * 8)\n"
    vm = make_vm(src, memory_limit=32 * MB)
    assert vm.run() is ERROR
    assert vm.error.type_name == "MemoryError"
    assert vm._bytes_used() <= 32 * MB


@pytest.mark.skipif(not M._CAN_RESERVE, reason="address-space reservations: Linux only")
def test_big_arenas_grow_in_a_reservation_without_copying():
    src = ("l = []\n"
           "for i in range(600000):\n"
           "    l.append(i * 3)\n"
           "print(len(l), sum(l), l[-1])\n")
    vm = make_vm(src)
    assert vm.run() is FINISHED
    assert vm.stdout.getvalue() == cpython_output(src)
    assert vm.st.V.nbytes >= M.RESERVE_ABOVE
    mm, addr = vm._reserved["V"]
    assert vm.st.V.ctypes.data == addr      # the arena is a view of the reservation
    assert len(mm) >= vm.st.V.nbytes
    assert vm._bytes_used() <= vm.memory_limit
    # and such a VM snapshots and resumes like any other
    vm2 = snapshot.load(snapshot.save(vm), stdout=io.StringIO())
    assert vm2.instructions == vm.instructions


def test_reserved_arena_state_round_trips_mid_run():
    src = ("d = {}\n"
           "for i in range(200000):\n"
           "    d['k' + str(i)] = i\n"
           "print(len(d), d['k199999'], sum(d.values()))\n")
    program = amber.compile(src, "t.py")
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    assert vm.run(fuel=1_500_000) is PAUSED
    if M._CAN_RESERVE:
        assert vm._reserved                 # some arena is in a reservation
    vm = snapshot.load(snapshot.save(vm), stdout=out)
    assert vm.run() is FINISHED
    assert out.getvalue() == cpython_output(src)


def test_dict_growth_keeps_every_key_findable():
    # dict_resize reuses the old index's hashes when no entry was deleted, and
    # rehashes the keys when some were: both, with keys of mixed kinds, colliding
    # hashes (hash(-1) == hash(-2)), equal keys of different types and big ints
    src = '''
d = {}
for i in range(3000):
    d[i] = i
    d[str(i)] = -i
    d[(i, str(i))] = i * 2
    d[i + 0.5] = i
    d[-i - 1] = i
    d[10 ** 20 + i] = i
print(len(d), d[True], d[1.0], d[-1], d[-2], d["2999"], d[(5, "5")], d[10 ** 20 + 7])
e = {}
for i in range(5000):
    e["k" + str(i)] = i
    if i % 3 == 0:
        del e["k" + str(i // 2)]
print(len(e), list(e)[:5], list(e)[-3:], sum(e.values()))
print(all(e["k" + str(i)] == i for i in range(5000) if "k" + str(i) in e))
print([k for k in list(d)[:12]])
'''
    vm = make_vm(src)
    assert vm.run() is FINISHED, vm.error and vm.error.traceback
    assert vm.stdout.getvalue() == cpython_output(src)
