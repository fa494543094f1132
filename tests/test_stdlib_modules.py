"""Modules written in Amber (stdlib/collections.py, itertools, functools, heapq, bisect,
operator, string): compiled only into programs that import them, one module object
per VM, snapshots taken inside a module body during its first import, and hostile
snapshots of MODULE rows, the module table and module-body frames (refused with
SnapshotError).  CPython-comparable behaviour is in tests/programs/70*_*.py."""

from __future__ import annotations

import io

import pytest

import amber
from amber import snapshot
from amber.compiler.errors import AmberImportError
from amber.snapshot import SnapshotError
from amber.vm import layout as L
from amber.vm.builtins import MODULE_ID

from test_snapshot_fuzz import _edit


def run_vm(vm) -> str:
    status = vm.run()
    assert status is amber.Status.FINISHED, vm.error and vm.error.traceback


def run(src: str) -> str:
    out = io.StringIO()
    run_vm(amber.VM(amber.compile(src, "m.py"), stdout=out))
    return out.getvalue()


def test_programs_without_imports_do_not_carry_the_modules():
    plain = amber.compile("print(1)\n", "m.py")
    assert plain.modules == []
    assert not any(g.startswith("<collections>") for g in plain.globals)
    heap_only = amber.compile("import heapq\n", "m.py")
    assert [m[0] for m in heap_only.modules] == ["heapq"]
    both = amber.compile("from collections import deque\nimport bisect\n", "m.py")
    # (namedtuple's classes derive from tuple, so collections brings the internal
    # module of builtin base types with it)
    assert sorted(m[0] for m in both.modules) == ["__amber_bases", "bisect", "collections"]


def test_unknown_module_is_still_a_compile_time_error():
    with pytest.raises(AmberImportError, match="No module named 'collectionz'"):
        amber.compile("import collectionz\n", "m.py")
    with pytest.raises(AmberImportError, match="is not a package"):
        amber.compile("import collections.abc\n", "m.py")


def test_same_module_object_in_functions_and_at_top_level():
    src = ("def f():\n    import collections\n    return collections\n"
           "import collections as c\nfrom collections import deque\n"
           "print(f() is c, f() is f(), deque is c.deque, c.deque is f().deque)\n")
    assert run(src) == "True True True True\n"


def test_module_body_runs_once():
    src = ("import itertools\nimport itertools as it2\n"
           "def g():\n    from itertools import count\n    return count\n"
           "print(g() is itertools.count is it2.count)\n")
    out = io.StringIO()
    vm = amber.VM(amber.compile(src, "m.py"), stdout=out)
    run_vm(vm)
    assert out.getvalue() == "True\n"
    body = next(m[1] for m in vm.program.modules if m[0] == "itertools")
    # the body's code object is made into exactly one function (one run)
    H = vm.st.H
    rows = [r for r in range(int(vm.st.R[L.R_HTOP]))
            if H[r, L.KIND] == L.FUNC and H[r, L.A] == body]
    assert len(rows) <= 1


SRC = ("from collections import deque, Counter\n"
       "d = deque(range(5))\nd.rotate(2)\nprint(d, Counter('abca'))\n")


def _paused_in_body(src=SRC, module="collections"):
    """A VM stopped inside the body of `module` during its first import."""
    prog = amber.compile(src, "m.py")
    body = next(m[1] for m in prog.modules if m[0] == module)
    out = io.StringIO()
    vm = amber.VM(prog, stdout=out)
    for _ in range(100000):
        assert vm.run(fuel=1) is amber.Status.PAUSED
        fp = int(vm.st.R[L.R_FP])
        if int(vm.st.F[fp, L.FR_CODE]) == body and vm.instructions % 7 == 3:
            return vm, out
    raise AssertionError("never inside the module body")


def expected(src=SRC):
    return run(src)


def test_snapshot_inside_a_module_body_resumes_in_a_fresh_vm():
    vm, out = _paused_in_body()
    data = snapshot.save(vm)
    out2 = io.StringIO()
    out2.write(out.getvalue())
    vm2 = snapshot.load(data, stdout=out2)
    run_vm(vm2)
    assert out2.getvalue() == expected()


def test_snapshot_inside_a_module_function_resumes():
    src = "import heapq\nh = []\nfor x in [5, 1, 4, 2]:\n    heapq.heappush(h, x)\nprint(h)\n"
    prog = amber.compile(src, "m.py")
    out = io.StringIO()
    vm = amber.VM(prog, stdout=out)
    codes = {i for i, co in enumerate(prog.codes) if co.module == L.STDLIB_MODULE
             and co.name == "_siftdown"}
    while True:
        assert vm.run(fuel=1) is amber.Status.PAUSED
        if int(vm.st.F[int(vm.st.R[L.R_FP]), L.FR_CODE]) in codes:
            break
    vm2 = snapshot.load(snapshot.save(vm), stdout=out)
    run_vm(vm2)
    assert out.getvalue() == "[1, 2, 4, 5]\n"


def test_failed_import_runs_the_body_again():
    # an exception leaving a module body (here: the recursion limit hit inside
    # it) un-imports the module, as CPython removes it from sys.modules
    src = ("def deep(n):\n    if n:\n        return deep(n - 1)\n"
           "    import collections\n    return collections\n"
           "try:\n    deep(990)\nexcept RecursionError:\n    print('deep')\n"
           "import collections\nprint(collections.deque([1]))\n")
    out = run(src)
    assert out.endswith("deque([1])\n")


def _module_row(vm, name):
    slot = vm.program.globals.index(f"<modules>.{name}")
    assert int(vm.st.G[slot, 0]) == L.MODULE
    return int(vm.st.G[slot, 1])


def _finished_vm():
    vm = amber.VM(amber.compile(SRC, "m.py"), stdout=io.StringIO())
    run_vm(vm)
    return vm


@pytest.mark.parametrize("column, value", [
    (L.C, -1), (L.C, 0), (L.C, 10 ** 6), (L.D, -1), (L.D, 0), (L.D, 10 ** 6),
    (L.A, MODULE_ID["math"]), (L.A, MODULE_ID["heapq"]),
])
def test_corrupted_module_row_is_refused(column, value):
    vm = _finished_vm()
    row = _module_row(vm, "collections")

    def edit(a, body):
        a["H"][row, column] = value
    with pytest.raises(SnapshotError):
        snapshot.load(_edit(snapshot.save(vm), edit))


def test_builtin_module_with_globals_is_refused():
    vm = amber.VM(amber.compile("import math\nimport heapq\nprint(1)\n", "m.py"),
                  stdout=io.StringIO())
    run_vm(vm)
    row = _module_row(vm, "math")

    def edit(a, body):
        a["H"][row, L.C] = 0
        a["H"][row, L.D] = 0
    with pytest.raises(SnapshotError, match="module"):
        snapshot.load(_edit(snapshot.save(vm), edit))


def test_import_slot_holding_another_module_is_refused():
    vm = amber.VM(amber.compile("import heapq\nimport bisect\nprint(1)\n", "m.py"),
                  stdout=io.StringIO())
    run_vm(vm)
    hslot = vm.program.globals.index("<modules>.heapq")
    bslot = vm.program.globals.index("<modules>.bisect")

    def edit(a, body):
        a["G"][hslot] = a["G"][bslot]
    with pytest.raises(SnapshotError, match="another module"):
        snapshot.load(_edit(snapshot.save(vm), edit))


@pytest.mark.parametrize("change", [
    lambda m: m.__setitem__(0, "os"),
    lambda m: m.__setitem__(1, 0),
    lambda m: m.__setitem__(1, 10 ** 6),
    lambda m: m.__setitem__(2, m[2] + 1),
    lambda m: m.__setitem__(2, -1),
    lambda m: m.__setitem__(3, 0),
    lambda m: m.__setitem__(3, "x"),
    lambda m: m.append(1),
])
def test_corrupted_module_table_is_refused(change):
    vm = _finished_vm()

    def edit(a, body):
        change(body["program"]["modules"][0])
    with pytest.raises(SnapshotError):
        snapshot.load(_edit(snapshot.save(vm), edit))


def test_missing_module_table_entry_is_refused():
    vm = _finished_vm()

    def edit(a, body):
        body["program"]["modules"] = []
    with pytest.raises(SnapshotError):
        snapshot.load(_edit(snapshot.save(vm), edit))


@pytest.mark.parametrize("what", ["mode", "module", "slot", "func"])
def test_corrupted_module_body_frame_is_refused(what):
    vm, _ = _paused_in_body()
    fp = int(vm.st.R[L.R_FP])
    ret = int(vm.st.F[fp, L.FR_RET])

    def edit(a, body):
        F, S = a["F"], a["S"]
        if what == "mode":
            F[fp, L.FR_FLAGS] = L.RET_NORMAL
        elif what == "module":
            S[ret - 1] = (L.NONE, 0)
        elif what == "slot":
            slot = vm.program.globals.index("<modules>.collections")
            a["G"][slot] = (L.UNDEF, 0)
        else:
            F[fp - 1, L.FR_PC] -= 1
    with pytest.raises(SnapshotError):
        snapshot.load(_edit(snapshot.save(vm), edit))
