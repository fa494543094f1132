"""The attribute cache of vm/fastpath.py (layout.IC_*): reads through a warm cache
see every change made since (tests/programs/720_attr_cache.py compares the
CPython-visible cases with CPython; here the Amber-only ones), and a snapshot taken
while the cache is warm resumes exactly (the cache is not in the snapshot)."""

from __future__ import annotations

import contextlib
import io
import textwrap

import numpy as np

import amber
from amber import snapshot
from amber.vm import layout as L


def run(src: str) -> str:
    out = io.StringIO()
    vm = amber.VM(amber.compile(textwrap.dedent(src), "t.py"), stdout=out)
    assert vm.run() is amber.Status.FINISHED, vm.error and vm.error.traceback
    return out.getvalue()


def cpython(src: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(textwrap.dedent(src), {})
    return out.getvalue()


def test_class_dict_writes_through_dunder_dict_invalidate():
    # C.__dict__ is the class's own namespace dict in Amber (CPython: a read-only
    # proxy), so writes through it must reach cached reads
    assert run("""
        class A:
            x = 1
            def m(self):
                return "A.m"
        class B(A):
            pass
        b = B()
        print(b.x, b.m(), b.x, b.m())
        B.__dict__["x"] = 2
        print(b.x)
        B.__dict__["m"] = lambda self: "B.m"
        print(b.m())
        A.__dict__["x"] = 3
        print(b.x)
        del B.__dict__["x"]
        print(b.x)
        B.__dict__.pop("m")
        print(b.m())
        B.__dict__.update({"x": 4, "m": lambda self: "upd"})
        print(b.x, b.m())
        B.__dict__.clear()
        print(b.x, b.m())
        B.__dict__.setdefault("x", 5)
        print(b.x)
        """).split("\n") == ["1 A.m 1 A.m", "2", "B.m", "2", "3", "A.m", "4 upd", "3 A.m",
                             "5", ""]


def test_class_changes_between_slices_and_in_loops():
    src = """
        class A:
            v = 0
        a = A()
        total = 0
        for i in range(2000):
            total += a.v
            if i % 100 == 0:
                A.v = i
            if i % 250 == 0:
                a.v = -1
            if i % 250 == 1:
                del a.v
        print(total)
        """
    want = run(src)
    out = io.StringIO()
    vm = amber.VM(amber.compile(textwrap.dedent(src), "t.py"), stdout=out)
    while vm.run(fuel=37) is amber.Status.PAUSED:
        pass
    assert out.getvalue() == want
    assert want == cpython(src)


def _warm_vm(src, fuel):
    out = io.StringIO()
    vm = amber.VM(amber.compile(textwrap.dedent(src), "t.py"), stdout=out)
    assert vm.run(fuel=fuel) is amber.Status.PAUSED
    return vm, out


WARM = """
    class T:
        k = 1
        def __init__(self, n):
            self.n = n
        def get(self):
            return self.n + self.k
    class U(T):
        pass
    objs = [U(i) if i % 2 else T(i) for i in range(50)]
    s = 0
    for r in range(40):
        for o in objs:
            s += o.get()
        if r == 20:
            T.k = 2
            U.get = lambda self: self.n * 3
    print(s)
    """


def test_snapshot_while_cache_is_warm_resumes_exactly():
    full = run(WARM)
    assert full == cpython(WARM)
    ref = amber.VM(amber.compile(textwrap.dedent(WARM), "t.py"), stdout=io.StringIO())
    ref.run()
    for fuel in (3000, 9000, 15000, 22000):
        vm, out = _warm_vm(WARM, fuel)
        ic = vm.st.IC
        assert ic[0, 0] >= 1 and (ic[1:, L.IC_EP] == ic[0, 0]).any()     # warm entries
        data = snapshot.save(vm)
        out2 = io.StringIO()
        out2.write(out.getvalue())
        vm2 = snapshot.load(data, stdout=out2)
        # the restored VM starts with an empty cache
        assert not (vm2.st.IC[1:, L.IC_EP] == vm2.st.IC[0, 0]).any()
        assert vm2.run() is amber.Status.FINISHED
        assert out2.getvalue() == full
        assert vm2.instructions == ref.instructions
        # and the original, whose cache stayed warm, goes on identically
        assert vm.run() is amber.Status.FINISHED
        assert out.getvalue() == full
        assert snapshot.save(vm) == snapshot.save(vm2)


def test_cache_never_changes_the_snapshot():
    """Two VMs at the same instruction, one with a warm cache and one freshly
    loaded, save identical bytes."""
    vm, _ = _warm_vm(WARM, 12345)
    vm2 = snapshot.load(snapshot.save(vm), stdout=io.StringIO())
    assert snapshot.save(vm) == snapshot.save(vm2)
    vm.run(fuel=777)
    vm2.run(fuel=777)
    assert snapshot.save(vm) == snapshot.save(vm2)


def test_stale_entries_after_collection_are_not_used():
    # a collection frees rows a cached class used; new classes may get them
    assert run("""
        def make(i):
            class C:
                tag = i
            return C()
        seen = []
        for i in range(30):
            o = make(i)
            junk = [[j] for j in range(3000)]
            seen.append(o.tag)
        print(seen == list(range(30)))
        """) == "True\n"


def test_warm_cache_programs_match_cpython():
    src = """
        class A:
            def f(self):
                return 1
        class B(A):
            pass
        b = B()
        r = []
        for i in range(6):
            r.append(b.f())
            if i == 1:
                A.f = lambda self: 2
            if i == 3:
                B.f = lambda self: 3
            if i == 4:
                b.f = lambda: 4
        print(r)
        """
    assert run(src) == cpython(src)


def test_fresh_cache_is_empty():
    vm = amber.VM(amber.compile("x = 1\n", "t.py"), stdout=io.StringIO())
    assert vm.st.IC.shape == (L.ic_rows(vm.st.K.shape[0]), L.ICCOLS)
    assert vm.st.IC[0, 0] == 1 and not np.any(vm.st.IC[1:])


def _sites(vm):
    """The per-name site words of vm's attribute cache, one row per constant."""
    return vm.st.IC.reshape(-1)[L.IC_SITE_BASE:].reshape(-1, L.SITE_WORDS)


def test_site_cache_is_filled_then_left_out_of_snapshots():
    vm, _ = _warm_vm(WARM, 15000)
    assert _sites(vm).shape[0] >= vm.st.K.shape[0]
    warm = _sites(vm)[:, L.SC_EP] == vm.st.IC[0, 0]
    assert warm.any()
    # only the constants that attribute instructions name have sites filled
    from amber.vm import opcodes as O
    attr_ops = {o.code for o in O.OPS if o.name.endswith(("_ATTR", "_METHOD"))
                and not o.name.startswith("LOAD_FAST")}
    named = {int(w) >> 8 for w in vm.st.CODE if int(w) & 0xFF in attr_ops}
    assert set(np.nonzero(warm)[0].tolist()) <= named
    vm2 = snapshot.load(snapshot.save(vm), stdout=io.StringIO())
    assert not _sites(vm2).any()
    assert snapshot.save(vm) == snapshot.save(vm2)


def test_polymorphic_site_keeps_each_class():
    src = """
        class A:
            def __init__(self):
                self.v = 1
        class B:
            def __init__(self):
                self.w = 0
                self.v = 2
        class C(A):
            pass
        objs = [A(), B(), C()] * 5
        t = 0
        for o in objs:
            t += o.v
        print(t)
        """
    assert run(src) == cpython(src)
    vm, _ = _warm_vm(src, 400)
    vm.run()
    ep = vm.st.IC[0, 0]
    s = _sites(vm)
    rows = s[s[:, L.SC_EP] == ep]
    classes = {int(r[L.SC_WAY0 + L.SC_WAY * k + L.SC_CLS]) for r in rows for k in range(L.SITE_WAYS)}
    assert len(classes - {-1, 0}) >= 3
