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
    # __new__ and descriptors that recurse, raise or return the wrong thing
    ("class A:\n    def __new__(cls):\n        return A()\nA()\n", "RecursionError"),
    ("class A:\n    def __new__(cls):\n        raise KeyError(1)\nA()\n", "KeyError"),
    ("class A:\n    def __new__(cls, x):\n        return object.__new__(cls, x)\nA(1)\n",
     "TypeError"),
    ("object.__new__(5)\n", "TypeError"),
    # exception classes whose __new__ recurses, raises or makes something else
    ("class E(Exception):\n    def __new__(cls):\n        raise E\nraise E\n",
     "RecursionError"),
    ("class E(Exception):\n    def __new__(cls, *a):\n        raise KeyError(1)\n"
     "raise E('x') from None\n", "KeyError"),
    ("class E(Exception):\n    def __new__(cls):\n        return E\nraise E\n", "TypeError"),
    ("class E(Exception):\n    def __new__(cls, *a):\n        return 3\ndef g():\n"
     "    yield 1\nx = g()\nnext(x)\nx.throw(E)\n", "TypeError"),
    ("Exception.__new__(5)\n", "TypeError"),
    ("Exception.__new__(int)\n", "TypeError"),
    ("Exception.__new__()\n", "TypeError"),
    ("raise ValueError from ValueError.__new__\n", "TypeError"),
    ("e = ValueError()\ne.__cause__ = e\nraise e from e\n", "ValueError"),
    # f(*args) of bound builtin and generator methods with the wrong arguments
    ("ap = [].append\nap(*range(5))\n", "TypeError"),
    ("def g():\n    yield 1\nx = g()\nnext(x)\nx.throw(*[ValueError] * 100)\n", "TypeError"),
    ("class E(Exception):\n    def __init__(self, *a):\n        super().__init__(*a, **{'k': 1})\n"
     "E(1)\n", "TypeError"),
    ("class D:\n    def __get__(self, o, t):\n        return o.x\nclass A:\n    x = D()\n"
     "A().x\n", "RecursionError"),
    ("class D:\n    def __set__(self, o, v):\n        o.x = v\nclass A:\n    x = D()\n"
     "A().x = 1\n", "RecursionError"),
    ("class D:\n    def __get__(self, o, t):\n        raise ValueError(2)\nclass A:\n"
     "    x = D()\ngetattr(A(), 'x')\n", "ValueError"),
    ("class D:\n    def __set_name__(self, o, n):\n        raise IndexError(3)\nclass A:\n"
     "    x = D()\n", "IndexError"),
    ("class D:\n    __get__ = 5\nclass A:\n    x = D()\nA().x\n", "TypeError"),
    # type(name, bases, namespace) with bad parts, and a mapping whose keys() lies
    ("type('A', (5,), {})\n", "TypeError"),
    ("type('A', (), {'__init__': 5})()\n", "TypeError"),
    ("class M:\n    def keys(self):\n        raise OSError(7)\n    def __getitem__(self, k):\n"
     "        return 1\ntype('A', (), M())\n", "OSError"),
    ("class B:\n    def __new__(cls):\n        return super().__new__(cls)\n"
     "    def __init__(self):\n        return 1\nB()\n", "TypeError"),
    ("class A:\n    pass\nA()[0]\n", "TypeError"),
    ("class A:\n    pass\nfor x in A():\n    pass\n", "TypeError"),
    # an __eq__ that compares containers holding itself recurses through the prelude
    ("class E:\n    def __eq__(self, o):\n        return [self] == [o]\n[E()] == [E()]\n",
     "RecursionError"),
    ("class E:\n    def __eq__(self, o):\n        raise ValueError('no')\n[E()].index(E())\n",
     "ValueError"),
    # keys whose __hash__ recurses, raises or is not an int
    ("class K:\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n"
     "        return hash(K())\n{K(): 1}\n", "RecursionError"),
    ("class K:\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n"
     "        raise KeyError(1)\ns = set()\ns.add(K())\n", "KeyError"),
    ("class K:\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n"
     "        return 1.5\nd = {}\nd[K()] = 1\n", "TypeError"),
    ("class E:\n    def __eq__(self, o):\n        L.clear()\n        return False\n"
     "L = [E(), E(), E()]\nprint(E() in L, L.count(E()), L)\nL.remove(E())\n", "ValueError"),
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


# An instance's C, D hold its "base value" (the value of a builtin base such as
# list or int; UNDEF 0 when it has none): any valid value, checked as values are.
def _instance_base(tag, payload):
    def edit(arrays, body):
        r = _rows(arrays, L.INSTANCE)[0]
        arrays["H"][r, L.C] = tag
        arrays["H"][r, L.D] = payload(arrays) if callable(payload) else payload
    return edit


@pytest.mark.parametrize("tag, payload", [
    (99, 0), (-1, 0), (L.UNDEF, 1), (L.BOOL, 2), (L.BUILTIN, 10 ** 6), (L.STR, 10 ** 6),
    (L.STR, -1), (L.LIST, lambda a: _rows(a, L.STR)[0]), (L.RNG, 0), (L.METHOD, -5),
], ids=["unknown-tag", "negative-tag", "undef-with-payload", "bad-bool", "bad-builtin",
        "ref-past-heap", "negative-ref", "wrong-kind", "rng-tag", "bad-method"])
def test_instance_with_a_bad_base_value_is_refused(tag, payload):
    from amber import snapshot
    data = _edit(snapshot.save(_paused_with_objects()), _instance_base(tag, payload))
    with pytest.raises(SnapshotError, match="instance base"):
        snapshot.load(data)


@pytest.mark.parametrize("tag, payload", [
    (L.UNDEF, 0), (L.INT, -42), (L.FLOAT, 7), (L.STR, lambda a: _rows(a, L.STR)[0]),
], ids=["none", "int", "float", "str"])
def test_instance_with_a_sound_base_value_loads(tag, payload):
    from amber import snapshot
    vm = snapshot.load(_edit(snapshot.save(_paused_with_objects()), _instance_base(tag, payload)),
                       stdout=io.StringIO())
    assert int(vm.st.H[_rows({"H": vm.st.H}, L.INSTANCE)[0], L.C]) == tag


def _class_base(name):
    def edit(arrays, body):
        from amber.vm.builtins import BUILTIN_ID
        arrays["H"][_rows(arrays, L.CLASS)[0], L.E] = BUILTIN_ID[name]
    return edit


@pytest.mark.parametrize("name", ["object", "ValueError", "list", "tuple", "dict", "set",
                                  "frozenset", "str", "int", "float"])
def test_class_with_an_allowed_builtin_base_loads(name):
    from amber import snapshot
    snapshot.load(_edit(snapshot.save(_paused_with_objects()), _class_base(name)))


@pytest.mark.parametrize("name", ["len", "range", "print", "bool", "isinstance"])
def test_class_with_another_builtin_base_is_refused(name):
    from amber import snapshot
    data = _edit(snapshot.save(_paused_with_objects()), _class_base(name))
    with pytest.raises(SnapshotError, match="class base"):
        snapshot.load(data)
