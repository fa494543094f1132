"""Superinstructions (vm/opcodes.py FUSED): a word that means its first instruction
and lets the loop run the next word in the same dispatch.  They must not change
anything a script or host can observe: output, instruction counts, where a
pause can happen, snapshots (tests/programs/721_superinstructions.py compares the
output with CPython)."""

from __future__ import annotations

import io

import numpy as np
import pytest

import amber
from amber import snapshot
from amber.compiler import codegen
from amber.snapshot import SnapshotError
from amber.vm import opcodes as O
from oracle import program_paths
from test_snapshot_fuzz import seal, unseal

PROGRAM = next(p for p in program_paths() if p.name == "721_superinstructions.py")
SOURCE = PROGRAM.read_text(encoding="utf-8")


def outcome(program, fuel=None):
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    status = vm.run(fuel=fuel)
    while status is amber.Status.PAUSED:
        status = vm.run(fuel=fuel)
    return status, out.getvalue(), vm.instructions


def script_ops(program) -> set:
    return {O.OPS[O.decode_raw(w)[0]].name for co in program.codes if co.module == 0
            for w in co.code}


def test_the_program_uses_every_superinstruction():
    used = script_ops(amber.compile(SOURCE, "s.py"))
    assert set(O.FUSED) <= used, sorted(set(O.FUSED) - used)


def test_table_is_consistent():
    for name, (first, second) in O.FUSED.items():
        op, a, b = O.BY_NAME[name], O.BY_NAME[first], O.BY_NAME[second]
        assert op.arg == a.arg and op.effect == a.effect
        assert O.decode(O.encode(op.code, 5)) == (a.code, 5)
        assert O.decode_raw(O.encode(op.code, 5)) == (op.code, 5)
        assert (op.code in O.JUMPS) == (a.code in O.JUMPS) and a.code not in O.FUSED_SECOND
        assert O.stack_effect(op.code, 3, True) == O.stack_effect(a.code, 3, True)
    # a word is fused by what its successor means, so chains fuse word by word
    words = [O.encode(O.LOAD_FAST, 0), O.encode(O.LOAD_FAST, 1), O.encode(O.LOAD_SMALL_INT, 2),
             O.encode(O.BINARY_OP, 0)]
    assert [O.decode_raw(w) for w in O.fuse(words)] == [
        (O.LOAD_FAST__LOAD_FAST, 0), (O.LOAD_FAST__LOAD_SMALL_INT, 1),
        (O.LOAD_SMALL_INT, 2), (O.BINARY_OP, 0)]
    assert [O.decode(w) for w in O.fuse(words)] == [O.decode(w) for w in words]


def test_same_output_and_instruction_count_as_the_plain_pairs(monkeypatch):
    fused = outcome(amber.compile(SOURCE, "s.py"))
    monkeypatch.setattr(O, "fuse", lambda words: list(words))
    plain_program = amber.compile(SOURCE, "s.py")
    assert not set(O.FUSED) & script_ops(plain_program)
    plain = outcome(plain_program)
    assert fused[0] is amber.Status.FINISHED
    assert fused == plain


@pytest.mark.parametrize("fuel", [1, 2, 3, 7])
def test_small_slices_pause_between_the_two_halves(fuel):
    """Fuel 1 stops after every instruction, so each superinstruction runs its first
    half alone; odd slices end between halves at many places."""
    program = amber.compile(SOURCE, "s.py")
    assert outcome(program, fuel) == outcome(program)


def test_snapshot_at_every_boundary_resumes_exactly():
    src = ("def f(xs, n):\n"
           "    t = 0\n"
           "    for i in range(n):\n"
           "        if xs[i]:\n"
           "            t = t + i\n"
           "        if i < 3:\n"
           "            t = t - 1\n"
           "    for v in (x * 2 for x in range(3)):\n"
           "        t = t + v\n"
           "    for v in xs:\n"
           "        t = t + (1 if v else 0)\n"
           "    return t\n"
           "print(f([True, False, 1, 0, None], 5))\n")
    program = amber.compile(src, "b.py")
    assert {"BINARY_SUBSCR__POP_JUMP_IF_FALSE", "COMPARE_OP__POP_JUMP_IF_FALSE",
            "LOAD_FAST__LOAD_FAST", "STORE_FAST__LOAD_FAST",
            "FOR_ITER__STORE_FAST"} <= script_ops(program)
    want = outcome(program)
    assert want[1] == "7\n"      # (CPython prints 7)
    for k in range(1, want[2]):
        vm = amber.VM(program, stdout=(sink := io.StringIO()))
        assert vm.run(fuel=k) is amber.Status.PAUSED and vm.instructions == k
        vm2 = snapshot.load(snapshot.save(vm), stdout=sink)
        status = vm2.run()
        assert (status, sink.getvalue(), vm2.instructions) == want, k


def _edited(edit) -> bytes:
    program = amber.compile("def f(a, b):\n    return a + b\nprint(f(1, 2))\n", "h.py")
    vm = amber.VM(program, stdout=io.StringIO())
    assert vm.run(fuel=3) is amber.Status.PAUSED
    outer, body = unseal(snapshot.save(vm))
    codes = body["program"]["codes"]
    cid = next(i for i, co in enumerate(codes)
               if O.decode_raw(int(np.frombuffer(co["code"], "<i4")[0]))[0]
               == O.LOAD_FAST__LOAD_FAST)
    words = np.frombuffer(codes[cid]["code"], "<i4").copy()
    edit(words)
    codes[cid]["code"] = words.tobytes()
    return seal(outer, body)


def test_a_superinstruction_without_its_second_half_is_refused():
    def wrong_second(words):        # LOAD_FAST__LOAD_FAST a; BINARY_OP (not LOAD_FAST)
        words[1] = O.encode(O.BINARY_OP, 0)

    with pytest.raises(SnapshotError, match="superinstruction without its second"):
        snapshot.load(_edited(wrong_second))

    def at_the_end(words):          # a superinstruction as the last word
        words[-1] = O.encode(O.LOAD_FAST__LOAD_SMALL_INT, 0)

    with pytest.raises(SnapshotError):
        snapshot.load(_edited(at_the_end))


def test_disassembly_names_superinstructions():
    from amber.compiler.dis import disassemble
    text = disassemble(amber.compile("def f(a, b):\n    return a + b\n", "d.py"))
    assert "LOAD_FAST__LOAD_FAST" in text


SLICES = ("def f(xs, s):\n"
          "    perm = list(xs)\n"
          "    out = [perm[1:3], s[::-1], perm[::2]]\n"
          "    for k in range(len(perm)):\n"
          "        perm[:k + 1] = perm[k::-1]\n"
          "    perm[1:2] = (7, 8)\n"
          "    perm[::3] = perm[1::3]\n"
          "    return out, perm, id(perm[2:3]) - id(perm)\n"
          "print(f([4, 1, 3, 2, 5], 'abc'))\n")


def test_slice_pairs_at_every_boundary(monkeypatch):
    """The slice superinstructions: a run of k units of fuel stops where the plain
    pair's does (also between BUILD_SLICE and its subscript; slices charge extra
    fuel for their items, so not always after k instructions), and a snapshot taken
    there resumes exactly; id() differences show that the fused pair makes the
    same objects (the slice object's serial number too)."""
    program = amber.compile(SLICES, "s.py")
    assert {"BUILD_SLICE__BINARY_SUBSCR", "BUILD_SLICE__STORE_SUBSCR"} <= script_ops(program)
    monkeypatch.setattr(O, "fuse", lambda words: list(words))
    plain = amber.compile(SLICES, "s.py")
    want = outcome(program)
    assert want[0] is amber.Status.FINISHED and want == outcome(plain)
    for k in range(1, want[2]):
        vm = amber.VM(program, stdout=(sink := io.StringIO()))
        ref = amber.VM(plain, stdout=io.StringIO())
        assert vm.run(fuel=k) is ref.run(fuel=k) is amber.Status.PAUSED
        assert vm.instructions == ref.instructions, k
        vm2 = snapshot.load(snapshot.save(vm), stdout=sink)
        status = vm2.run()
        assert (status, sink.getvalue(), vm2.instructions) == want, k


def test_slice_pairs_leave_the_heap_the_plain_pair_leaves(monkeypatch):
    from amber.vm import layout as L
    fused = amber.compile(SLICES, "s.py")
    vm_f = amber.VM(fused, stdout=io.StringIO())
    assert vm_f.run() is amber.Status.FINISHED
    monkeypatch.setattr(O, "fuse", lambda words: list(words))
    plain = amber.compile(SLICES, "s.py")
    assert not set(O.FUSED) & script_ops(plain)
    vm_p = amber.VM(plain, stdout=io.StringIO())
    assert vm_p.run() is amber.Status.FINISHED
    for reg in (L.R_SERIAL, L.R_HTOP, L.R_VTOP, L.R_COUNT):
        assert vm_f.st.R[reg] == vm_p.st.R[reg], reg
