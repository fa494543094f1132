"""Generators beyond the oracle programs (tests/programs/4NN_*.py): pausing at every
instruction boundary while generators are suspended, running and chained, garbage
collection of generator frames, hostile scripts, and hostile snapshots of GEN
objects and generator frames (each must be refused with SnapshotError).
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import pytest

import amber
from amber import snapshot
from amber.snapshot import SnapshotError
from amber.vm import layout as L

from test_snapshot_fuzz import _edit, _global, _paused

PYTHON = sys.executable


def run(source: str, fuel=None, **limits):
    out = io.StringIO()
    vm = amber.VM(amber.compile(source, "gen.py"), stdout=out, **limits)
    return vm.run(fuel=fuel), vm, out


def cpython(source: str) -> str:
    return subprocess.run([PYTHON, "-c", source], capture_output=True, text=True,
                          check=True).stdout


# ---------------------------------------------------------------------------
# pause anywhere: every boundary of a program whose generators are suspended,
# running, delegating (yield from), thrown into and closed
# ---------------------------------------------------------------------------

EVERY = textwrap.dedent('''\
    def inner(n):
        try:
            for i in range(n):
                got = yield i
                if got:
                    print("inner got", got)
        finally:
            print("inner finally")
        return n * 10

    def outer():
        r = yield from inner(2)
        print("r", r)
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", e)
        yield from [7, 8]

    g = outer()
    print(next(g), g.send("hello"))
    for v in g:
        print("v", v)
        if v == "waiting":
            print(g.throw(ValueError("x")))
    h = (x * x for x in range(3))
    a, b, c = h
    print(a, b, c, sum(y for y in inner(3)))
    k = outer()
    next(k)
    k.close()
''')


def _outcome(vm, status, out):
    return (out.getvalue(), status, vm.instructions,
            vm.error.traceback if vm.error else None)


def test_every_boundary_with_generators():
    program = amber.compile(EVERY, "every.py")
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    want = _outcome(vm, vm.run(), out)
    assert want[0] == cpython(EVERY)
    in_generator = 0
    for k in range(1, want[2], 2):     # every other boundary (suite time budget)
        sink = io.StringIO()
        vm = amber.VM(program, stdout=sink)
        assert vm.run(fuel=k) is amber.Status.PAUSED
        fp = int(vm.st.R[L.R_FP])
        if any(L.RET_GEN_FOR <= int(vm.st.F[i, L.FR_FLAGS]) <= L.RET_GEN_CLOSE
               for i in range(fp + 1)):
            in_generator += 1
        vm2 = snapshot.load(snapshot.save(vm), stdout=sink)
        assert _outcome(vm2, vm2.run(), sink) == want, f"paused at {k}"
    empty = amber.VM(amber.compile("pass\n", "empty.py"), stdout=io.StringIO())
    empty.run()
    # most pauses after the prelude's set-up fell inside generator frames
    assert in_generator > (want[2] - empty.instructions) // 6


def test_pause_inside_a_generator_resumes_in_a_fresh_process(tmp_path):
    src = "def g():\n    n = 0\n    while True:\n        yield n\n        n += 1\n" \
          "it = g()\nt = 0\nfor x in it:\n    t += x\n    if x == 500:\n        break\nprint(t)\n"
    status, vm, out = run(src, fuel=1234)
    assert status is amber.Status.PAUSED
    path = tmp_path / "g.snap"
    snapshot.save_file(vm, path)
    code = ("import sys\nfrom amber import snapshot\n"
            f"vm = snapshot.load_file({str(path)!r}, stdout=sys.stdout)\nvm.run()\n")
    res = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True)
    assert out.getvalue() + res.stdout == cpython(src)


# ---------------------------------------------------------------------------
# memory: collection of generator frames, bombs, recursion
# ---------------------------------------------------------------------------

def test_dropped_generators_are_collected():
    src = textwrap.dedent('''\
        def g(n):
            big = [n] * 200
            yield big[0]
            yield n
        total = 0
        for i in range(20000):
            it = g(i)
            total += next(it)
        print(total)
    ''')
    status, vm, out = run(src, memory_limit=24 << 20)
    assert status is amber.Status.FINISHED, vm.error and vm.error.traceback
    assert out.getvalue() == cpython(src)
    gens = int((vm.st.H[: int(vm.st.R[L.R_HTOP]), L.KIND] == L.GEN).sum())
    assert gens < 2000          # the collector freed the suspended, unreachable ones


def test_infinite_generator_into_a_list_is_a_memory_error():
    src = "def g():\n    while True:\n        yield 1\nx = list(g())\n"
    status, vm, _ = run(src, fuel=200_000_000, memory_limit=32 << 20)
    assert status is amber.Status.ERROR
    assert vm.error.type_name == "MemoryError"


def test_infinite_generator_pauses_under_fuel():
    src = "def g():\n    while True:\n        yield 1\nfor x in g():\n    pass\n"
    status, vm, _ = run(src, fuel=100_000)
    assert status is amber.Status.PAUSED and vm.instructions == 100_000
    assert vm.run(fuel=500) is amber.Status.PAUSED and vm.instructions == 100_500


def test_deep_yield_from_chain_is_a_recursion_error():
    src = "def d(n):\n    yield from d(n + 1)\n    yield n\nprint(next(d(0)))\n"
    status, vm, _ = run(src)
    assert status is amber.Status.ERROR
    assert vm.error.type_name == "RecursionError"


def test_throw_into_a_deep_chain_is_bounded():
    src = textwrap.dedent('''\
        def d(n):
            if n == 0:
                yield "bottom"
            else:
                yield from d(n - 1)
        g = d(300)
        print(next(g))
        try:
            g.throw(KeyError("k"))
        except KeyError as e:
            print("KeyError", e)
        print(next(g, "done"))
    ''')
    status, vm, out = run(src)
    assert status is amber.Status.FINISHED, vm.error and vm.error.traceback
    assert out.getvalue() == cpython(src)


def test_yield_outside_a_function_is_a_syntax_error():
    for src, msg in (("yield 1\n", "'yield' outside function"),
                     ("def f():\n    return [(yield x) for x in y]\n",
                      "'yield' inside list comprehension"),
                     ("def f():\n    return ((yield x) for x in y)\n",
                      "'yield' inside generator expression")):
        with pytest.raises(SyntaxError, match=msg):
            amber.compile(src, "bad.py")


# ---------------------------------------------------------------------------
# hostile snapshots of generators: each must be refused
# ---------------------------------------------------------------------------

GEN_SRC = textwrap.dedent('''\
    def inner():
        yield 1
        yield 2
    def g(n):
        lst = [n, n]
        for i in range(n):
            x = yield i
        yield from inner()
    def plain():
        return 1
    gen = g(3)
    next(gen)
    keep = [5] * 10
    print(next(gen), plain(), keep)
    for v in gen:
        print(v)
''')


def _suspended():
    """A VM paused while generator `gen` is suspended inside its for loop."""
    vm = _paused(GEN_SRC, lambda vm: _global(vm, "keep")[0] == L.LIST)
    return vm, snapshot.save(vm), _global(vm, "gen")[1]


def _running():
    """A VM paused inside the frame of generator `gen` (resumed by the for loop)."""
    def inside(vm):
        fp = int(vm.st.R[L.R_FP])
        return fp >= 1 and int(vm.st.F[fp, L.FR_FLAGS]) == L.RET_GEN_FOR
    vm = _paused(GEN_SRC, inside)
    return vm, snapshot.save(vm), _global(vm, "gen")[1]


def _gen_edit(which, edit):
    def build():
        vm, data, g = which()
        return _edit(data, lambda a, body: edit(a, g, vm))
    return build


def _set(col, value):
    def edit(a, g, vm):
        a["H"][g, col] = value(a, g) if callable(value) else value
    return edit


def _saved_slot(tag, val, index=0):
    def edit(a, g, vm):
        a["V"][a["H"][g, L.D] + index] = (tag, val)
    return edit


def _plain_function(a, g, vm):
    a["H"][g, L.A] = _global(vm, "plain")[1]


def _region_on_list(a, g, vm):
    a["H"][g, L.D] = a["H"][_global(vm, "keep")[1], L.A]


def _iterator_slot(a, g, vm):
    co = vm.program.codes[int(vm.st.H[int(vm.st.H[g, L.A]), L.A])]
    a["V"][a["H"][g, L.D] + co.nlocals] = (L.INT, 7)     # the for loop's iterator


def _frame_mode(mode, frame=-1):
    def edit(a, g, vm):
        a["F"][frame, L.FR_FLAGS] = mode
    return edit


def _gen_not_at_frame(a, g, vm):
    fp = len(a["F"]) - 1
    a["S"][a["F"][fp, L.FR_RET]] = (L.INT, 0)


def _program_edit(edit):
    def build():
        vm, data, g = _suspended()
        return _edit(data, lambda a, body: edit(body, vm))
    return build


def _yield_in_plain(body, vm):
    import numpy as np
    from amber.vm import opcodes as O
    cid = next(i for i, co in enumerate(vm.program.codes) if co.name == "plain")
    words = np.frombuffer(body["program"]["codes"][cid]["code"], "<i4").copy()
    words[0] = O.encode(O.YIELD_VALUE, 0)
    body["program"]["codes"][cid]["code"] = words.tobytes()


def _prologue_gone(body, vm):
    import numpy as np
    from amber.vm import opcodes as O
    cid = next(i for i, co in enumerate(vm.program.codes) if co.name == "inner")
    words = np.frombuffer(body["program"]["codes"][cid]["code"], "<i4").copy()
    words[0] = O.encode(O.NOP, 0)
    body["program"]["codes"][cid]["code"] = words.tobytes()


def _generator_flag_dropped(body, vm):
    cid = next(i for i, co in enumerate(vm.program.codes) if co.name == "g")
    body["program"]["codes"][cid]["flags"] = 0


GEN_EXPLOITS = {
    "gen_bad_state": _gen_edit(_suspended, _set(L.B, 9)),
    "gen_pc_not_after_a_yield": _gen_edit(_suspended, _set(L.C, lambda a, g: a["H"][g, L.C] + 1)),
    "gen_pc_outside_code": _gen_edit(_suspended, _set(L.C, 10 ** 6)),
    "gen_saved_depth_too_big": _gen_edit(_suspended, _set(L.E, lambda a, g: a["H"][g, L.E] + 1)),
    "gen_saved_depth_huge": _gen_edit(_suspended, _set(L.E, 1 << 40)),
    "gen_region_outside_arena": _gen_edit(_suspended, _set(L.D, 1 << 40)),
    "gen_region_negative": _gen_edit(_suspended, _set(L.D, -4)),
    "gen_region_on_a_list": _gen_edit(_suspended, _region_on_list),
    "gen_slot_outside_heap": _gen_edit(_suspended, _saved_slot(L.STR, 10 ** 9)),
    "gen_slot_unknown_tag": _gen_edit(_suspended, _saved_slot(99, 0)),
    "gen_iterator_slot_not_iterator": _gen_edit(_suspended, _iterator_slot),
    "gen_of_plain_function": _gen_edit(_suspended, _plain_function),
    "gen_function_outside_heap": _gen_edit(_suspended, _set(L.A, 10 ** 9)),
    "gen_running_without_frame": _gen_edit(_suspended, _set(L.B, L.GEN_RUNNING)),
    "gen_done_with_slots": _gen_edit(_suspended, _set(L.B, L.GEN_DONE)),
    "gen_spare_column": _gen_edit(_suspended, _set(L.F, 3)),
    "gen_created_at_a_yield": _gen_edit(_suspended, _set(L.B, L.GEN_CREATED)),
    "gen_frame_suspended": _gen_edit(_running, _set(L.B, L.GEN_SUSPENDED)),
    "gen_frame_has_saved_slots": _gen_edit(_running, _set(L.E, 2)),
    "gen_frame_without_generator": _gen_edit(_running, _gen_not_at_frame),
    "gen_frame_wrong_mode": _gen_edit(_running, _frame_mode(L.RET_GEN_YF)),
    "gen_frame_unknown_mode": _gen_edit(_running, _frame_mode(11)),
    "gen_mode_on_module_frame": _gen_edit(_suspended, _frame_mode(L.RET_GEN_SEND, 0)),
    "yield_in_plain_function": _program_edit(_yield_in_plain),
    "generator_without_prologue": _program_edit(_prologue_gone),
    "generator_flag_dropped": _program_edit(_generator_flag_dropped),
}


def test_generator_exploits_are_built_from_real_snapshots():
    vm, data, g = _suspended()
    assert int(vm.st.H[g, L.B]) == L.GEN_SUSPENDED
    snapshot.load(data)         # the unedited snapshots load
    vm, data, g = _running()
    assert int(vm.st.H[g, L.B]) == L.GEN_RUNNING
    vm2 = snapshot.load(data, stdout=io.StringIO())
    assert vm2.run() is amber.Status.FINISHED


@pytest.mark.parametrize("name", sorted(GEN_EXPLOITS))
def test_hostile_generator_snapshot_is_refused(name):
    data = GEN_EXPLOITS[name]()
    with pytest.raises(SnapshotError):
        snapshot.load(data)     # (refused before any code runs: no process at risk)
