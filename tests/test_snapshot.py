"""Snapshot equivalence: pause anywhere, resume exactly (DESIGN.md, promise 1).

For every program in tests/programs, hypothesis chooses 1-3 pause points; the VM is
stopped there (vm.run(fuel=k)), saved, loaded into a fresh VM writing to the same
sink, and resumed.  Output, final status, traceback text and instruction count must
equal the uninterrupted run's.  Also: snapshots of snapshots, atomic save_file, a
fresh process on the loading side, garbage collection and array growth around a
pause, every boundary of programs that print and iterate, golden snapshot files and
the version policy.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import NamedTuple

import msgpack
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import amber
from amber import snapshot
from amber.snapshot import SnapshotError
from oracle import program_paths
from test_snapshot_fuzz import seal, unseal

TESTS_DIR = Path(__file__).resolve().parent
ROOT = TESTS_DIR.parent
GOLDEN_DIR = TESTS_DIR / "golden"
PROGRAMS = program_paths()
PYTHON = sys.executable


class Outcome(NamedTuple):
    stdout: str
    status: amber.Status
    traceback: str | None
    instructions: int


class Ref(NamedTuple):
    program: amber.Program
    outcome: Outcome


_REFS: dict = {}    # path -> Ref: each program's uninterrupted run, computed once


def reference(path: Path) -> Ref:
    if path not in _REFS:
        program = amber.compile(path.read_text(encoding="utf-8"), str(path))
        out = io.StringIO()
        vm = amber.VM(program, stdout=out)
        status = vm.run()
        _REFS[path] = Ref(program, _outcome(vm, status, out))
    return _REFS[path]


def _outcome(vm, status, out) -> Outcome:
    assert status in (amber.Status.FINISHED, amber.Status.ERROR), status
    return Outcome(out.getvalue(), status, vm.error.traceback if vm.error else None,
                   vm.instructions)


def roundtrip(vm, out):
    """save -> bytes -> load into a fresh VM that writes to the same sink."""
    vm2 = snapshot.load(snapshot.save(vm), stdout=out)
    assert vm2.instructions == vm.instructions
    assert vm2.output_written == vm.output_written
    return vm2


BULK_SLACK = 1 << 17


def run_with_pauses(program, points, restore=roundtrip) -> Outcome:
    """Run with a snapshot/restore at each instruction count in points (ascending)."""
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    for k in points:
        if k > vm.instructions:
            status = vm.run(fuel=k - vm.instructions)
            assert status is amber.Status.PAUSED, f"ended before instruction {k}"
            # exactly k, unless the last instruction did bulk work: copies, sorts and
            # big-int arithmetic charge extra fuel units (e.g. [0] * 10000 is 625,
            # 7 ** 5000 some thousands), so the pause can land that far past k
            assert k <= vm.instructions <= k + BULK_SLACK
        vm = restore(vm, out)
    return _outcome(vm, vm.run(), out)


def assert_same(got: Outcome, want: Outcome, what: str):
    assert got.stdout == want.stdout, f"{what}: output differs"
    assert got.status == want.status, f"{what}: status differs"
    assert got.traceback == want.traceback, f"{what}: traceback differs"
    assert got.instructions == want.instructions, f"{what}: instruction count differs"


# ---------------------------------------------------------------------------
# the property, over every test program
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_pause_anywhere_resume_exactly(path, data):
    ref = reference(path)
    total = ref.outcome.instructions
    if total < 2:
        pytest.skip("nothing to pause")
    points = data.draw(st.lists(st.integers(1, total - 1), min_size=1, max_size=3,
                                unique=True).map(sorted), label="pause points")
    assert_same(run_with_pauses(ref.program, points), ref.outcome, f"{path.name} {points}")


def test_snapshot_of_a_snapshot():
    """save -> load -> save -> load runs identically; after one round trip (dict
    indexes rebuilt, which drops the slots of deleted entries) the bytes are a
    fixed point."""
    for name in ("026_dict_basics.py", "038_del_statements.py", "035_closures_nonlocal.py",
                 "057_hanoi.py", "err_010_key_error.py"):
        path = TESTS_DIR / "programs" / name
        ref = reference(path)
        for frac in (0.3, 0.8):
            k = max(1, int(ref.outcome.instructions * frac))

            def twice(vm, out):
                once = snapshot.save(vm)
                again = snapshot.save(snapshot.load(once))
                third = snapshot.save(snapshot.load(again))
                assert third == again, f"{name}@{k}: not a fixed point after one round trip"
                return snapshot.load(again, stdout=out)

            assert_same(run_with_pauses(ref.program, [k], twice), ref.outcome, f"{name}@{k}")


def test_finished_and_failed_vms_survive_a_snapshot():
    """A VM that ended in an error is still an error after a round trip."""
    ref = reference(TESTS_DIR / "programs" / "err_005_zero_division.py")
    vm = amber.VM(ref.program, stdout=io.StringIO())
    assert vm.run() is amber.Status.ERROR
    vm2 = snapshot.load(snapshot.save(vm), stdout=io.StringIO())
    assert vm2.run() is amber.Status.ERROR
    assert vm2.error.traceback == ref.outcome.traceback
    assert vm2.instructions == ref.outcome.instructions


def test_snapshot_of_a_finished_vm_loads():
    ref = reference(TESTS_DIR / "programs" / "001_print_basics.py")
    vm = amber.VM(ref.program, stdout=io.StringIO())
    assert vm.run() is amber.Status.FINISHED
    out = io.StringIO()
    vm2 = snapshot.load(snapshot.save(vm), stdout=out)
    assert vm2.run() is amber.Status.FINISHED
    assert out.getvalue() == "" and vm2.instructions == vm.instructions


# ---------------------------------------------------------------------------
# every boundary: host services (print, format) and iterators in flight
# ---------------------------------------------------------------------------

ITERATION_PROGRAM = '''\
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["e"] = 5
for k, v in d.items():
    print(k, v)
for i, ch in enumerate("xyz", 1):
    print(i, ch, end=";")
print()
for a, b in zip([1, 2, 3], ("p", "q", "r")):
    print(a, b, sep="-")
for x in reversed([4, 5, 6]):
    print(x, end=" ")
for x in reversed("uvw"):
    print(x, end=" ")
print()
for k in d:
    print(k, d[k])
for v in d.values():
    print(v * 1.5)
for i, (k, v) in enumerate(zip(d.keys(), reversed(list(d.values())))):
    print(i, k, v)
squares = []
for n in range(5):
    if n % 2 == 0:
        squares.append(n * n)
inverse = {}
for k, v in d.items():
    inverse[v] = k
print(squares, inverse, sorted(d.items(), reverse=True))
print(f"{3.5:>8.2f}|{'s'!r}|{len(d):03d}")
'''


def _every_boundary(source: str, name: str, stride: int = 1):
    """Pause at every stride-th instruction boundary, save, load, finish: the same
    outcome as the uninterrupted run (stride 2 keeps the widest programs in budget)."""
    program = amber.compile(source, name)
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    want = _outcome(vm, vm.run(), out)
    after_print = 0
    written_before = 0
    for k in range(1, want.instructions, stride):
        vm = amber.VM(program, stdout=(sink := io.StringIO()))
        assert vm.run(fuel=k) is amber.Status.PAUSED
        if vm.output_written > written_before:
            after_print += 1        # the instruction just completed was a host service
        written_before = vm.output_written
        vm2 = snapshot.load(snapshot.save(vm), stdout=sink)
        assert_same(_outcome(vm2, vm2.run(), sink), want, f"{name}@{k}")
    return want, after_print


def test_every_boundary_of_iteration_and_printing():
    """A snapshot at every instruction boundary, including right after each print
    and in the middle of iterating dicts, views, enumerate, zip and reversed."""
    want, after_print = _every_boundary(ITERATION_PROGRAM, "iterate.py", stride=2)
    assert want.status is amber.Status.FINISHED
    assert after_print >= 15
    expected = subprocess.run([PYTHON, "-c", ITERATION_PROGRAM], capture_output=True,
                              text=True, check=True).stdout
    assert want.stdout == expected


def test_every_boundary_of_an_error_inside_calls():
    source = textwrap.dedent('''\
        def check(x):
            if x > 2:
                return {"a": 1}[str(x)]
            return x
        def walk(items):
            total = 0
            for i in items:
                print("at", i)
                total += check(i)
            return total
        print(walk([1, 2, 3]))
        ''')
    want, _ = _every_boundary(source, "fails.py")
    assert want.status is amber.Status.ERROR
    assert want.traceback.endswith("KeyError: '3'\n")


def test_output_limit_counts_across_a_snapshot():
    """The snapshot records the characters already written: the restored VM stops at
    the same place with the output limit."""
    program = amber.compile('for i in range(100):\n    print("line", i)\n', "limit.py")
    out = io.StringIO()
    vm = amber.VM(program, stdout=out, output_limit=200)
    want = _outcome(vm, vm.run(), out)
    assert want.status is amber.Status.ERROR and "output limit" in want.traceback
    for k in (5, 100, want.instructions - 1):
        out = io.StringIO()
        vm = amber.VM(program, stdout=out, output_limit=200)
        vm.run(fuel=k)
        vm = snapshot.load(snapshot.save(vm), stdout=out)
        assert vm.output_limit == 200
        assert_same(_outcome(vm, vm.run(), out), want, f"limit@{k}")


# ---------------------------------------------------------------------------
# allocation: garbage collection and array growth around a pause
# ---------------------------------------------------------------------------

ALLOCATING_PROGRAM = '''\
def build(n, salt):
    d = {}
    for i in range(n):
        d["k" + str(i * salt)] = [i] * (i % 7) + [str(i) * 3]
    return d

total = 0
keep = []
for rnd in range(24):
    d = build(150, rnd + 1)
    for k, v in d.items():
        total += len(v) + len(k)
    if rnd % 4 == 0:
        keep.append(list(d.keys())[:20])
        s = ""
        for i in range(200):
            s = s + chr(65 + i % 26)
        print(rnd, total, len(s), s[-5:], len(keep))
    del d
rows = []
for x in keep:
    rows.append(tuple(x))
t = tuple(rows)
lookup = {}
for row in rows:
    lookup[row] = len(lookup)
print(total, len(t), t[-1][:3], lookup[t[2]], t == tuple(rows))
'''


@pytest.fixture(scope="module")
def allocating():
    program = amber.compile(ALLOCATING_PROGRAM, "alloc.py")
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    return program, _outcome(vm, vm.run(), out)


@settings(max_examples=8, deadline=None)
@given(fracs=st.lists(st.floats(0.001, 0.999), min_size=1, max_size=3))
def test_gc_and_growth_around_pauses(allocating, fracs):
    program, want = allocating
    points = sorted({max(1, int(f * want.instructions)) for f in fracs})

    def restore(vm, out):
        vm.collect()                        # collect while paused ...
        vm2 = roundtrip(vm, out)
        vm2.collect()                       # ... and right after the restore
        vm2.ensure(4096, 65536, 65536)      # force the arrays to grow
        return vm2

    assert_same(run_with_pauses(program, points, restore), want, f"alloc {points}")


def test_allocating_program_matches_cpython(allocating):
    _, want = allocating
    assert want.status is amber.Status.FINISHED, want.traceback
    expected = subprocess.run([PYTHON, "-c", ALLOCATING_PROGRAM], capture_output=True,
                              text=True, check=True).stdout
    assert want.stdout == expected


# ---------------------------------------------------------------------------
# files and processes
# ---------------------------------------------------------------------------

def _paused_vm(name="047_fibonacci_memo.py", frac=0.5):
    ref = reference(TESTS_DIR / "programs" / name)
    out = io.StringIO()
    vm = amber.VM(ref.program, stdout=out)
    vm.run(fuel=max(1, int(ref.outcome.instructions * frac)))
    return vm, out, ref


def test_save_file_and_load_file(tmp_path):
    vm, out, ref = _paused_vm()
    path = tmp_path / "state.snap"
    snapshot.save_file(vm, path)
    assert sorted(os.listdir(tmp_path)) == ["state.snap"]   # no temporary file left
    assert path.read_bytes() == snapshot.save(vm)
    vm2 = snapshot.load_file(path, stdout=out)
    assert_same(_outcome(vm2, vm2.run(), out), ref.outcome, "load_file")


def test_save_file_replaces_atomically(tmp_path, monkeypatch):
    """An existing snapshot is replaced whole, or left untouched when the write
    fails part-way; no temporary file is left behind either way."""
    path = tmp_path / "state.snap"
    vm, _, _ = _paused_vm(frac=0.2)
    snapshot.save_file(vm, path)
    old = path.read_bytes()
    vm.run(fuel=100)
    new = snapshot.save(vm)
    assert new != old

    def boom(*args):
        raise OSError(28, "No space left on device")
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", boom)
        with pytest.raises(OSError):
            snapshot.save_file(vm, path)
    assert path.read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == ["state.snap"]

    with monkeypatch.context() as m:
        m.setattr(os, "replace", boom)
        with pytest.raises(OSError):
            snapshot.save_file(vm, path)
    assert path.read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == ["state.snap"]

    snapshot.save_file(vm, path)
    assert path.read_bytes() == new
    assert sorted(os.listdir(tmp_path)) == ["state.snap"]


def test_save_file_to_a_missing_folder_raises_and_leaves_nothing(tmp_path):
    vm, _, _ = _paused_vm()
    with pytest.raises(OSError):
        snapshot.save_file(vm, tmp_path / "missing" / "state.snap")
    assert os.listdir(tmp_path) == []


RESUME_SCRIPT = '''\
import io, json, sys
from amber import snapshot
results = []
for path in sys.argv[1:]:
    out = io.StringIO()
    vm = snapshot.load_file(path, stdout=out)
    status = vm.run()
    results.append([out.getvalue(), status.name, vm.error.traceback if vm.error else None,
                    vm.instructions])
print(json.dumps(results))
'''


def test_resume_in_a_fresh_process(tmp_path):
    """Saved here, loaded and resumed in another Python process."""
    cases = [("033_recursion.py", 0.5), ("060_game_of_life.py", 0.3),
             ("042_enumerate_zip.py", 0.6), ("047_fibonacci_memo.py", 0.9),
             ("err_010_key_error.py", 0.5), ("016_fstring_specs.py", 0.4)]
    paths, wants = [], []
    for i, (name, frac) in enumerate(cases):
        vm, out, ref = _paused_vm(name, frac)
        path = tmp_path / f"{i}.snap"
        snapshot.save_file(vm, path)
        paths.append(str(path))
        want = ref.outcome
        # the new process writes only what comes after the pause
        wants.append([want.stdout[len(out.getvalue()):], want.status.name, want.traceback,
                      want.instructions])
    proc = subprocess.run([PYTHON, "-c", RESUME_SCRIPT, *paths], capture_output=True,
                          text=True, timeout=300, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    for (name, _), g, w in zip(cases, got, wants):
        assert g == w, name


# ---------------------------------------------------------------------------
# golden files and the version policy
# ---------------------------------------------------------------------------

GOLDEN = sorted(GOLDEN_DIR.glob("*.snap"))


def test_golden_files_exist():
    assert len(GOLDEN) >= 2


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_snapshot_resumes(path):
    """Committed snapshot files keep loading and finish as CPython does."""
    expected = path.with_suffix(".out").read_text(encoding="utf-8")
    out = io.StringIO()
    vm = snapshot.load_file(path, stdout=out)
    assert 0 < vm.instructions
    written = vm.output_written
    assert vm.run() is amber.Status.FINISHED
    assert expected[:written] + out.getvalue() == expected
    assert out.getvalue() == expected[written:]


@pytest.mark.parametrize("version", [1, 2, 3])
def test_snapshot_of_an_older_format_is_refused_clearly(version):
    """Files written by earlier Ambers (kept in golden/old/): version 1, version 2
    (whose registers 26-31 held a xoshiro256** random state, before the generator
    became CPython's Mersenne Twister in the heap), and version 3 (the whole program
    and the plain arrays in every snapshot, before the prelude reference and compact
    arrays)."""
    with pytest.raises(SnapshotError, match=f"snapshot format version {version} is not "
                       r"supported \(this Amber reads version 4\)"):
        snapshot.load_file(GOLDEN_DIR / "old" / f"counter-v{version}.snap")


def _with_outer(data: bytes, **changes) -> bytes:
    outer = msgpack.unpackb(data, raw=False)
    outer.update(changes)
    return msgpack.packb(outer, use_bin_type=True)


def test_other_format_version_is_refused():
    data = GOLDEN[0].read_bytes()
    with pytest.raises(SnapshotError, match="snapshot format version 999 is not supported"):
        snapshot.load(_with_outer(data, format=999))
    with pytest.raises(SnapshotError, match="snapshot format version 0 is not supported"):
        snapshot.load(_with_outer(data, format=0))
    assert snapshot.FORMAT_VERSION == msgpack.unpackb(data, raw=False)["format"]


@pytest.mark.parametrize("mutate, reason", [
    (lambda d: d[: len(d) // 2], "truncated"),
    (lambda d: b"", "empty"),
    (lambda d: d + b"\x00", "trailing garbage"),
    (lambda d: d[:-1] + bytes([d[-1] ^ 1]), "last byte flipped"),
    (lambda d: _with_outer(d, magic="NOT-AMBER"), "bad magic"),
    (lambda d: _with_outer(d, body=b"\x80"), "body replaced"),
    (lambda d: b"\x93\x01\x02\x03", "a msgpack array"),
    (lambda d: "text", "a str, not bytes"),
])
def test_bad_bytes_raise_one_line_snapshot_error(mutate, reason):
    data = GOLDEN[0].read_bytes()
    with pytest.raises(SnapshotError) as info:
        snapshot.load(mutate(data))
    msg = str(info.value)
    assert msg and "\n" not in msg, reason


def test_body_checksum_is_checked():
    outer = msgpack.unpackb(GOLDEN[0].read_bytes(), raw=False)
    body = bytearray(outer["body"])
    body[len(body) // 2] ^= 0x10
    outer["body"] = bytes(body)
    with pytest.raises(SnapshotError, match="checksum"):
        snapshot.load(msgpack.packb(outer, use_bin_type=True))
    # the same change with the checksum recomputed gets past it to the other checks
    key = "crc32" if "crc32" in outer else "sha256"
    if key == "crc32":
        outer["crc32"] = zlib.crc32(outer["body"])
        try:
            snapshot.load(msgpack.packb(outer, use_bin_type=True))
        except SnapshotError as e:
            assert "checksum" not in str(e)


# ---------------------------------------------------------------------------
# bugs found on the way: stack room for frames below the top (crashes)
# ---------------------------------------------------------------------------

def _crash_free(source: str, pause_in_depth: int | None, tmp_path) -> subprocess.CompletedProcess:
    """Run source in a subprocess, optionally through a snapshot taken the first time
    the frame depth reaches pause_in_depth."""
    script = textwrap.dedent('''\
        import io, sys
        import amber
        from amber import snapshot
        from amber.vm import layout as L
        src = open(sys.argv[1]).read()
        depth = int(sys.argv[2])
        prog = amber.compile(src, "big.py")
        vm = amber.VM(prog, stdout=sys.stdout)
        if depth >= 0:
            for k in range(1, 10000):
                vm = amber.VM(prog, stdout=io.StringIO())
                vm.run(fuel=k)
                if int(vm.st.R[L.R_FP]) == depth:
                    break
            vm = snapshot.load(snapshot.save(vm), stdout=sys.stdout)
        print(vm.run().name, flush=True)
        ''')
    src = tmp_path / "big.py"
    src.write_text(source)
    return subprocess.run([PYTHON, "-c", script, str(src), str(pause_in_depth)],
                          capture_output=True, text=True, timeout=120)


BIG_LITERAL_IN_FUNCTION = (
    "def g():\n    return 1\n"
    "def f():\n    x = [g(), " + ", ".join(str(i) for i in range(3000)) + "]\n    return x\n"
    "print(len(f()))\n")


def test_restored_caller_with_a_deep_operand_stack(tmp_path):
    proc = _crash_free(BIG_LITERAL_IN_FUNCTION, 2, tmp_path)
    assert proc.returncode == 0, f"rc {proc.returncode}: {proc.stderr[-500:]}"
    assert proc.stdout == "3001\nFINISHED\n"


def test_module_with_a_deep_operand_stack(tmp_path):
    source = "x = [" + ", ".join(str(i) for i in range(3000)) + "]\nprint(len(x), sum(x))\n"
    proc = _crash_free(source, -1, tmp_path)
    assert proc.returncode == 0, f"rc {proc.returncode}: {proc.stderr[-500:]}"
    assert proc.stdout == "3000 4498500\nFINISHED\n"


def test_huge_range_materialized(tmp_path):
    source = ("x = list(range(-6917529027641081856, 6917529027641081856))\n"
              "y = [1, 2, 3]\nprint(y, len(x))\n")
    proc = _crash_free(source, -1, tmp_path)
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}: {proc.stderr[-300:]}"
    # CPython: OverflowError: Python int too large to convert to C ssize_t
    assert proc.stdout.strip().endswith("ERROR")


def test_method_name_that_is_not_a_str_constant_is_refused():
    """Attribute and method instructions name a str constant; anything else is refused."""
    import numpy as np
    from amber.vm import opcodes as O
    path = GOLDEN_DIR / "counter.snap"
    outer, body = unseal(path.read_bytes())
    consts = body["program"]["consts"]
    not_str = next(i for i, c in enumerate(consts) if not isinstance(c, str))
    co = body["program"]["codes"][0]
    words = np.frombuffer(co["code"], "<i4").copy()
    hit = [i for i, w in enumerate(words) if O.OPS[O.decode(int(w))[0]].arg == "name"]
    assert hit
    words[hit[0]] = O.encode(O.decode(int(words[hit[0]]))[0], not_str)
    co["code"] = words.tobytes()
    with pytest.raises(SnapshotError, match="name is not a str constant"):
        snapshot.load(seal(outer, body))


def _paused_in_try():
    src = ("def f(xs):\n    t = 0\n    for x in xs:\n        try:\n            t += 10 // x\n"
           "        except ZeroDivisionError:\n            t -= 1\n    return t\n"
           "print(f([1, 0, 2] * 50))\n")
    vm = amber.VM(amber.compile(src, "try.py"), stdout=io.StringIO())
    assert vm.run(fuel=300) is amber.Status.PAUSED
    return vm


@pytest.mark.parametrize("edit, reason", [
    (lambda h: h.__setitem__(2, 10**6), "bad exception table"),           # target past the end
    (lambda h: h.__setitem__(3, 10**6), "bad exception table"),           # deeper than the stack
    (lambda h: h.__setitem__(1, h[0]), "bad exception table"),            # empty range
    (lambda h: h.__setitem__(3, 5), "stack below its handler's|bad exception table"),
    (lambda h: h.__setitem__(2, 0), "inconsistent stack|stack"),          # handler at the entry
    (lambda h: h.append(1), "bad exception table"),
])
def test_corrupted_exception_table_is_refused(edit, reason):
    vm = _paused_in_try()
    outer, body = unseal(snapshot.save(vm), expand=False)    # f is the script's own code
    co = next(c for c in body["program"]["codes"] if c["name"] == "f")
    assert co["handlers"]
    edit(co["handlers"][0])
    with pytest.raises(SnapshotError, match=reason):
        snapshot.load(seal(outer, body))


def test_paused_inside_a_handler_resumes_exactly():
    """Every boundary of a loop that raises and catches: pause, save, load, resume."""
    ref = io.StringIO()
    full = amber.VM(_paused_in_try().program, stdout=ref)
    assert full.run() is amber.Status.FINISHED
    for k in range(1, 600, 7):
        out = io.StringIO()
        vm = amber.VM(full.program, stdout=out)
        vm.run(fuel=k)
        vm2 = snapshot.load(snapshot.save(vm), stdout=out)
        assert vm2.run() is amber.Status.FINISHED
        assert out.getvalue() == ref.getvalue()


# ---------------------------------------------------------------------------
# nesting of enumerate/zip iterators (checks._check_nesting)
# ---------------------------------------------------------------------------

def _paused_with_wrappers():
    from test_snapshot_fuzz import _global, _paused
    from amber.vm import layout as L
    src = "z = zip(enumerate([1, 2]), [3, 4])\nn = 0\nwhile n < 3:\n    n += 1\nprint(list(z))\n"
    return _paused(src, lambda vm: "z" in vm.program.globals and _global(vm, "z")[0] == L.ITER)


def _iter_rows(arrays, it_kind):
    from amber.vm import layout as L
    H = arrays["H"]
    return [r for r in range(H.shape[0]) if H[r, L.KIND] == L.ITER and H[r, L.A] == it_kind]


def _wrapper_edit(kind):
    from amber.vm import layout as L

    def edit(arrays, body):
        H = arrays["H"]
        zips = _iter_rows(arrays, L.IT_ZIP)
        enums = _iter_rows(arrays, L.IT_ENUMERATE)
        if kind == "depth":
            H[zips[0], L.E] += 1
        elif kind == "self":          # an enumerate over itself
            H[enums[0], L.C] = enums[0]
        else:                         # the enumerate over the zip that holds it: a cycle
            H[enums[0], L.C] = zips[0]
    return edit


def test_sound_wrappers_resume():
    from test_snapshot_fuzz import _edit
    vm = snapshot.load(_edit(snapshot.save(_paused_with_wrappers()), lambda a, b: None),
                       stdout=io.StringIO())
    out = io.StringIO()
    vm.stdout = out
    assert vm.run() is amber.Status.FINISHED
    assert out.getvalue() == "[((0, 1), 3), ((1, 2), 4)]\n"


@pytest.mark.parametrize("kind, why", [("depth", "wrong nesting depth"), ("self", "cycle"),
                                       ("cycle", "cycle")])
def test_corrupted_wrapper_nesting_is_refused(kind, why):
    from test_snapshot_fuzz import _edit
    data = _edit(snapshot.save(_paused_with_wrappers()), _wrapper_edit(kind))
    with pytest.raises(SnapshotError, match=why):
        snapshot.load(data)
