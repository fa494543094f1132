"""Calls that reach the prelude or take a detour through the stack: methods read from
builtin types (str.lower), map/filter, yield from over script objects, f(*a, **k) of
classes.  Every instruction boundary resumes exactly; forged states are refused."""

import io
import subprocess
import sys

import pytest

import amber
from amber import snapshot
from amber.snapshot import SnapshotError
from amber.vm import layout as L

from test_snapshot_fuzz import _edit

PROGRAM = """\
words = ["b", "A", "c"]
print(sorted(words, key=str.lower), str.upper("x"), list(map(str.strip, [" q "])))
f = list.append
f(words, "d")


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n


def g():
    r = yield from It()
    yield r


class P:
    def __init__(self, x, y=0):
        self.x, self.y = x, y


p = P(*[1], **{"y": 2})
print(list(g()), list(filter(None, [0, 1])), p.x, p.y, "%s|%d" % (words, p.x))
"""


def _cpython(src: str) -> str:
    return subprocess.run([sys.executable, "-c", src], capture_output=True, text=True,
                          check=True).stdout


def _run(vm) -> str:
    out = io.StringIO()
    vm.stdout = out
    assert vm.run() is amber.Status.FINISHED
    return out.getvalue()


def test_program_matches_cpython():
    assert _run(amber.VM(amber.compile(PROGRAM, "p.py"))) == _cpython(PROGRAM)


def test_every_boundary_resumes_exactly():
    program = amber.compile(PROGRAM, "p.py")
    full = io.StringIO()
    vm = amber.VM(program, stdout=full)
    vm.run()
    total = vm.instructions
    for k in range(1, total, 3):
        sink = io.StringIO()
        vm = amber.VM(program, stdout=sink)
        assert vm.run(fuel=k) is amber.Status.PAUSED
        vm2 = snapshot.load(snapshot.save(vm), stdout=sink)
        assert vm2.run() is amber.Status.FINISHED, f"paused at {k}"
        assert sink.getvalue() == full.getvalue(), f"paused at {k}"
        assert vm2.instructions == total


def _paused_after_type_method():
    """Paused right after LOAD_METHOD of str.upper: the method, then an empty slot."""
    program = amber.compile('s = "q"\nprint(str.upper(s))\n', "m.py")
    vm = amber.VM(program, stdout=io.StringIO())
    for _ in range(5000):
        vm.run(fuel=1)
        sp = int(vm.st.R[L.R_SP])
        if sp >= 2 and vm.st.S[sp - 2, 0] == L.METHOD and vm.st.S[sp - 1, 0] == L.UNDEF:
            return vm
    raise AssertionError("never paused there")


def test_paused_between_type_method_and_call_resumes():
    vm = _paused_after_type_method()
    out = io.StringIO()
    vm2 = snapshot.load(snapshot.save(vm), stdout=out)
    assert vm2.run() is amber.Status.FINISHED
    assert out.getvalue().endswith("Q\n")


def _slot_edit(tag, val):
    def edit(arrays, body):
        S = arrays["S"]
        sp = int(arrays["R"][L.R_SP])
        S[sp - 1, 0] = tag
        S[sp - 1, 1] = val
    return edit


@pytest.mark.parametrize("tag, val", [
    (L.INT, 5),             # a receiver of the wrong kind where the empty slot was
    (L.METHOD, 0),          # a copy of another method
])
def test_forged_slot_above_a_type_method_is_refused(tag, val):
    vm = _paused_after_type_method()
    mid = int(vm.st.S[int(vm.st.R[L.R_SP]) - 2, 1])
    if tag == L.METHOD and val == mid:
        val = mid + 1
    with pytest.raises(SnapshotError):
        snapshot.load(_edit(snapshot.save(vm), _slot_edit(tag, val)))


def test_forged_prelude_slot_count_is_recomputed():
    """R_NBSLOTS is derived from the program: a forged value cannot send a builtin
    call to a global slot that is not the prelude's."""
    vm = _paused_after_type_method()

    def edit(arrays, body):
        arrays["R"][L.R_NBSLOTS] = 1 << 40
    vm2 = snapshot.load(_edit(snapshot.save(vm), edit), stdout=io.StringIO())
    assert int(vm2.st.R[L.R_NBSLOTS]) == int(vm.st.R[L.R_NBSLOTS]) > 0


@pytest.mark.parametrize("src, message", [
    ("str.lower(5)\n", "descriptor 'lower' for 'str' objects doesn't apply to a 'int' object"),
    ("str.lower()\n", "unbound method str.lower() needs an argument"),
    ("f = list.append\nf('abc', 1)\n", "descriptor 'append' for 'list' objects doesn't apply"),
    ("list.sort([2, 1], reverse=True)\n", "not supported by Amber"),
])
def test_type_methods_misused_fail_cleanly(src, message):
    vm = amber.VM(amber.compile(src, "bad.py"), stdout=io.StringIO())
    assert vm.run() is amber.Status.ERROR
    assert vm.error.type_name == "TypeError"
    assert message in vm.error.message

