"""Sets beyond the oracle programs: snapshots at every boundary, fuel, the collector,
host-side decoding and encoding, and random operation sequences against CPython."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import textwrap

import amber
from amber import snapshot
from amber.vm import layout as L
from amber.vm.hostvalues import decode, encode, needs

from test_snapshot import _every_boundary

PYTHON = sys.executable

SET_PROGRAM = textwrap.dedent('''\
    s = {9, 1, 17, 25}
    s.add(33)
    s.discard(1)
    for x in s:
        print(x, end=" ")
    print()
    t = {x % 6 for x in range(20)}
    it = iter(t) if False else None
    print(s | t, s & {9, 33}, s - {9}, s ^ t, t.pop(), t)
    f = frozenset(s)
    print(f, {f: 1}[frozenset(s)], sorted(s), list(f))
    d = {1: 2, 3: 4}
    print(d.keys() | {5}, d.keys() & [3])
''')


def test_every_boundary_of_set_programs():
    want, _ = _every_boundary(SET_PROGRAM, "sets.py", stride=2)
    assert want.status is amber.Status.FINISHED
    expected = subprocess.run([PYTHON, "-c", SET_PROGRAM], capture_output=True, text=True,
                              check=True).stdout
    assert want.stdout == expected


def _run(source, **kw):
    out = io.StringIO()
    vm = amber.VM(amber.compile(source, "t.py"), stdout=out, **kw)
    status = vm.run()
    return vm, status, out.getvalue()


def test_set_operations_charge_work_fuel():
    small, _, _ = _run("s = set(range(10))\nt = s | s\nu = s & s\nv = s - set()\n")
    big, _, _ = _run("s = set(range(10000))\nt = s | s\nu = s & s\nv = s - set()\n")
    # same instructions; the big sets cost at least one unit per 16 elements per op
    assert big.instructions - small.instructions >= 3 * 10000 // 16


def test_sets_survive_collections_and_snapshots():
    source = textwrap.dedent('''\
        keep = set()
        for i in range(3000):
            tmp = {i, i + 1, (i, i)}
            keep.add(i * 7 % 1000)
            if i % 500 == 0:
                junk = [list(range(50)) for _ in range(20)]
        print(len(keep), sorted(keep)[:5], 3 in keep, (5, 5) in tmp)
    ''')
    vm, status, out = _run(source)
    assert status is amber.Status.FINISHED
    expected = subprocess.run([PYTHON, "-c", source], capture_output=True, text=True,
                              check=True).stdout
    assert out == expected
    vm2 = amber.VM(amber.compile(source, "t.py"), stdout=(sink := io.StringIO()))
    vm2.run(fuel=20000)
    vm2.collect()
    vm3 = snapshot.load(snapshot.save(vm2), stdout=sink)
    assert vm3.run() is amber.Status.FINISHED
    assert sink.getvalue() == expected


def test_host_decodes_real_sets_in_vm_order_and_encodes_them_back():
    vm, status, _ = _run("s = {8, 16, 1}\nf = frozenset({3, (1, 2)})\n")
    st = vm.st
    gi = vm.program.globals.index("s")
    s = decode(st, st.G[gi, 0], st.G[gi, 1], vm.program)
    assert isinstance(s, set) and s == {1, 8, 16} and list(s) == [8, 16, 1]
    assert repr(s) == "{8, 16, 1}"
    gi = vm.program.globals.index("f")
    f = decode(st, st.G[gi, 0], st.G[gi, 1], vm.program)
    assert isinstance(f, frozenset) and f == frozenset({3, (1, 2)})
    assert repr(set()) == "set()"
    value = {5, 13, frozenset({1})}
    vm.ensure(*needs(value))
    tag, row = encode(vm.st, value, vm.p)
    assert tag == L.SET
    back = decode(vm.st, tag, row, vm.program)
    assert back == value and isinstance(back, set)


def _random_program(rng: random.Random) -> str:
    lines = ["a = set()", "b = {3, 11, 19}", "out = []"]
    ops = [
        "a.add({v})", "a.discard({v})", "b.add({v})", "a |= b", "a &= {{{v}, {w}, 8}}",
        "a -= {{{v}}}", "a ^= {{{w}, {v}}}", "a.update([{v}, {w}])",
        "a = a | {{{v}}}", "a = a - b", "a = b ^ a", "a = a & set(range({w}))",
        "a.difference_update(range({w}))", "a.symmetric_difference_update([{w}, {v}])",
        "a.intersection_update(a | b)", "b = a.copy()",
        "out.append(a.pop()) if a else None", "out.append(sorted(a))",
    ]
    for _ in range(rng.randrange(20, 80)):
        v = rng.choice([rng.randrange(-40, 200), rng.randrange(0, 1 << 40) * rng.choice([1, -1]),
                        8 * rng.randrange(64)])
        w = rng.randrange(0, 300)
        lines.append(rng.choice(ops).format(v=v, w=w))
    lines.append("print(a, b, out)")
    return "\n".join(lines) + "\n"


def test_random_set_programs_print_like_cpython():
    rng = random.Random(2024)
    sources = [_random_program(rng) for _ in range(40)]
    script = "\n".join(f"exec({src!r}, {{}})" for src in sources)
    expected = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True,
                              check=True).stdout.splitlines()
    for src, want in zip(sources, expected):
        _, status, out = _run(src)
        assert status is amber.Status.FINISHED, src
        assert out.rstrip("\n") == want, src
