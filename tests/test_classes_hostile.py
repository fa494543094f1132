"""Hostile scripts and snapshots for classes: the host survives and the error is clean."""

import io

import pytest

import amber
from amber.snapshot import SnapshotError
from amber.vm import layout as L

from test_snapshot_fuzz import _edit, _global, _paused


def run(src, memory=64 << 20):
    out = io.StringIO()
    vm = amber.VM(amber.compile(src, "h.py"), stdout=out, memory_limit=memory)
    status = vm.run(fuel=5_000_000)
    return status, vm, out.getvalue()


@pytest.mark.parametrize("src, error", [
    # unbounded recursion through dunders and the prelude ends as RecursionError
    ("class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n", "RecursionError"),
    ("class A:\n    def __getattr__(self, n):\n        return self.y\nA().x\n", "RecursionError"),
    ("class A:\n    def __add__(self, o):\n        return self + o\nA() + 1\n", "RecursionError"),
    ("class A:\n    def __bool__(self):\n        return 1\nif A():\n    pass\n", "TypeError"),
    ("class A:\n    def __len__(self):\n        return -1\nlen(A())\n", "ValueError"),
    ("class A:\n    def __init__(self):\n        return 5\nA()\n", "TypeError"),
    ("class A(bool):\n    pass\n", "TypeError"),
    ("class A(list, dict):\n    pass\n", "TypeError"),
    ("class A(list):\n    def __len__(self):\n        return len(self)\nlen(A())\n",
     "RecursionError"),
    ("__amber_wrap(int, 5)\n", "NameError"),
    ("class A:\n    pass\nclass B(A, A):\n    pass\n", "TypeError"),
    ("class A:\n    pass\nA().missing\n", "AttributeError"),
    ("class A:\n    pass\nA()[0]\n", "TypeError"),
    ("class A:\n    pass\nfor x in A():\n    pass\n", "TypeError"),
])
def test_hostile_class_scripts_fail_cleanly(src, error):
    status, vm, _ = run(src)
    assert status is amber.Status.ERROR
    assert vm.error.type_name == error, vm.error.traceback


def test_many_classes_and_instances_stay_within_memory():
    src = ("objs = []\nwhile True:\n    class C:\n        pass\n"
           "    objs.append(C())\n")
    status, vm, _ = run(src, memory=2 << 20)
    assert status is amber.Status.ERROR and vm.error.type_name == "MemoryError"


SRC = ("class P:\n    def __init__(self, x):\n        self.x = x\n"
       "    def get(self):\n        return self.x\n"
       "p = P(3)\nm = p.get\nq = [p, m]\nprint(p.get(), m())\n")


def _paused_with_objects():
    return _paused(SRC, lambda vm: "q" in vm.program.globals
                   and _global(vm, "q")[0] == L.LIST)


def _corrupt(fn):
    from amber import snapshot
    data = _edit(snapshot.save(_paused_with_objects()), fn)
    with pytest.raises(SnapshotError):
        snapshot.load(data)


def _rows(arrays, kind):
    H = arrays["H"]
    return [r for r in range(H.shape[0]) if H[r, L.KIND] == kind]


def test_snapshot_with_objects_resumes_exactly():
    from amber import snapshot
    vm = _paused_with_objects()
    out = io.StringIO()
    vm2 = snapshot.load(snapshot.save(vm))
    vm2.stdout = out
    assert vm2.run() is amber.Status.FINISHED
    assert out.getvalue() == "3 3\n"


@pytest.mark.parametrize("edit", [
    lambda a: a["H"].__setitem__((_rows(a, L.INSTANCE)[0], L.A), _rows(a, L.INSTANCE)[0]),
    lambda a: a["H"].__setitem__((_rows(a, L.INSTANCE)[0], L.B), _rows(a, L.CLASS)[0]),
    lambda a: a["H"].__setitem__((_rows(a, L.CLASS)[0], L.C), _rows(a, L.CLASS)[0]),
    lambda a: a["H"].__setitem__((_rows(a, L.CLASS)[0], L.E), 10 ** 6),
    lambda a: a["H"].__setitem__((_rows(a, L.BOUND)[0], L.C), 99),
    lambda a: a["H"].__setitem__((_rows(a, L.BOUND)[0], L.E), 7),
    lambda a: a["H"].__setitem__((_rows(a, L.INSTANCE)[0], L.C), 99),
    lambda a: a["H"].__setitem__((_rows(a, L.INSTANCE)[0], slice(L.C, L.E)), (L.LIST, 10 ** 6)),
    lambda a: a["H"].__setitem__((_rows(a, L.INSTANCE)[0], slice(L.C, L.E)), (L.UNDEF, 3)),
], ids=["instance-class-self", "instance-dict-is-class", "class-mro-not-tuple",
        "class-base-unknown", "bound-bad-tag", "bound-bad-extra", "instance-base-bad-tag",
        "instance-base-outside-heap", "instance-base-undef-payload"])
def test_corrupted_class_objects_are_refused(edit):
    _corrupt(lambda arrays, body: edit(arrays))
