"""Mutation fuzzing of snapshot bytes: hostile snapshots must never hurt the host.

Snapshots of several programs at several pause points are mutated -- raw bytes (bit
flips, overwrites, truncation, garbage, random bytes) and, because those mostly fail
the checksum, structurally: the outer map and the body are unpacked with msgpack,
values inside are changed (array data of R S F K H V CH G, shapes, code words and
operands, constants, local names, counts, the host section), the body is repacked and
its checksum (CRC-32) recomputed so that it passes.  Targeted mutations attack the
invariants the interpreter relies on (region bounds that wrap around int64, arena
regions shared by two objects, cyclic tuples, constants replaced, frames slid on the
stack, MAKE_CELL moved off the live path).  Every mutated snapshot must either be
refused with SnapshotError, or load and then run (fuel cap, small memory limit) to
FINISHED / PAUSED / ERROR.  Any other Python exception is a bug, and so is a crash.

The fuzz loop runs in a subprocess (this file run as a script), which forks one
process per case: a segfault or abort shows up as a signal on that process instead of
killing pytest (or the loop), a hang is killed after CASE_TIMEOUT seconds, and a
runaway allocation hits an address-space limit.  Each case has its own seed
(``--case N`` reruns exactly that case).

    python tests/test_snapshot_fuzz.py --cases 0:600      # the loop, with a summary
    python tests/test_snapshot_fuzz.py --case 123 -v      # one case, verbosely
    python tests/test_snapshot_fuzz.py --exploits cyclic_tuple -v   # a targeted one

Outcomes: refused (SnapshotError), finished / paused / error (ran to that status),
BUG-load / BUG-run / BUG-resave (another exception), BUG-stdout (output that reached
the host's sys.stdout instead of the VM's sink), CRASH (killed by a signal or
died without a result), HANG (no result in CASE_TIMEOUT s).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from amber.vm import layout as L

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
BASE_SEED = 20240601
N_CASES = 320          # >= 300 mutated snapshots (issue 3)
FUEL = 200_000
MEMORY_LIMIT = 32 << 20
OUTPUT_LIMIT = 1 << 20
CASE_TIMEOUT = 15      # seconds: a case running longer is a hang
CASE_MEMORY = 2 << 30  # address space of one case's process
# outcomes that are fine: refused with SnapshotError, or ran to a status
GOOD = {"refused", "finished", "paused", "error"}

# Programs whose snapshots are mutated (tests/programs), chosen to cover the heap:
# dicts, closures and cells, iterators (enumerate/zip/reversed/dict views), strings,
# recursion (many frames), tuples and nested containers, big ints (dict keys, sorting),
# generators (suspended, running and delegating frames).
FUZZ_PROGRAMS = [
    "026_dict_basics.py", "028_dict_order_iteration.py", "035_closures_nonlocal.py",
    "042_enumerate_zip.py", "043_sorted_reversed.py", "047_fibonacci_memo.py",
    "052_word_count.py", "057_hanoi.py", "060_game_of_life.py", "023_nested_containers_print.py",
    "080_string_building.py", "032_function_args.py", "212_bigint_compare_hash.py",
    "303_keyword_only.py", "308_decorators.py", "404_yield_from.py", "409_gen_recursive.py",
]
PAUSE_FRACTIONS = (0.13, 0.41, 0.77)

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1


# ===========================================================================
# the fuzzer (runs in the child process)
# ===========================================================================

def _interesting(rng: random.Random, around: int = 0) -> int:
    return rng.choice([0, 1, -1, 2, 7, 8, 9, 15, 16, 17, 18, 19, 31, 32, 255, 1 << 16,
                       1 << 24, 1 << 31, (1 << 31) - 1, 1 << 40, INT64_MIN, INT64_MAX,
                       around - 1, around + 1, around + 2, around * 2, -around,
                       rng.randrange(-1000, 1000), rng.getrandbits(64) - (1 << 63)])


def _snapshots(cache: dict) -> list:
    """[(program name, pause point, snapshot bytes)] -- deterministic."""
    if "snaps" in cache:
        return cache["snaps"]
    import amber
    from amber import snapshot
    out = []
    for name in FUZZ_PROGRAMS:
        path = HERE / "programs" / name
        prog = amber.compile(path.read_text(encoding="utf-8"), str(path))
        vm = amber.VM(prog, stdout=io.StringIO())
        vm.run()
        total = vm.instructions
        for frac in PAUSE_FRACTIONS:
            k = max(1, int(total * frac))
            vm = amber.VM(prog, stdout=io.StringIO())
            vm.run(fuel=k)
            out.append((name, k, snapshot.save(vm)))
    cache["snaps"] = out
    return out


# ---- raw byte mutations ----------------------------------------------------

def _mutate_raw(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    b = bytearray(data)
    how = rng.choice(["bitflip", "overwrite", "truncate", "append", "random", "splice"])
    if how == "bitflip":
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
    elif how == "overwrite":
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(b))
            n = rng.randint(1, 16)
            b[i:i + n] = bytes(rng.getrandbits(8) for _ in range(n))
    elif how == "truncate":
        b = b[: rng.randrange(len(b))]
    elif how == "append":
        b += bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 64)))
    elif how == "random":
        b = bytearray(rng.getrandbits(8) for _ in range(rng.randint(0, 4096)))
    else:   # cut a piece out of the middle
        i = rng.randrange(len(b))
        j = min(len(b), i + rng.randint(1, 100))
        del b[i:j]
    return bytes(b), f"raw:{how}"


# ---- structural mutations --------------------------------------------------

ARRAY_INFO = {"R": ("<i8", 1), "S": ("<i8", 2), "F": ("<i8", L.FRCOLS), "K": ("<i8", 2),
              "H": ("<i8", 8), "V": ("<i8", 2), "CH": ("<i4", 1), "G": ("<i8", 2)}


def _mutate_array(rng, body) -> str:
    import numpy as np
    arrays = body["arrays"]
    # weight the heap and frames: that is where the interesting invariants live
    name = rng.choice(["R", "S", "S", "F", "F", "K", "H", "H", "H", "H", "V", "V", "CH", "G"])
    entry = arrays[name]
    dt, cols = ARRAY_INFO[name]
    a = np.frombuffer(entry["data"], dt).copy()
    how = rng.choice(["bits", "cell", "cell", "cell", "shape", "rows", "swap"])
    if how == "bits" and a.size:
        raw = bytearray(a.tobytes())
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(raw))
            raw[i] ^= 1 << rng.randrange(8)
        entry["data"] = bytes(raw)
        return f"{name}:bits"
    if how == "cell" and a.size:
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(a.size)
            a[i] = np.array(_interesting(rng, int(a[i]))).astype(dt)
        entry["data"] = a.tobytes()
        return f"{name}:cell"
    if how == "shape":
        shape = list(entry["shape"])
        k = rng.randrange(len(shape))
        shape[k] = rng.choice([0, shape[k] - 1, shape[k] + 1, 2 * shape[k], 1 << 41,
                               -1, "x", None])
        if rng.random() < 0.3:
            shape.append(1)
        entry["shape"] = shape
        return f"{name}:shape"
    if how == "rows" and cols > 1 and a.size:
        # drop or duplicate a whole row, keeping data and shape consistent
        a = a.reshape(-1, cols)
        r = rng.randrange(a.shape[0])
        if rng.random() < 0.5:
            a = np.delete(a, r, axis=0)
        else:
            a = np.insert(a, r, a[r], axis=0)
        entry["data"] = a.tobytes()
        entry["shape"] = [a.shape[0], cols]
        return f"{name}:rows"
    if a.size >= 2:     # swap two cells
        i, j = rng.randrange(a.size), rng.randrange(a.size)
        a[i], a[j] = a[j], a[i]
        entry["data"] = a.tobytes()
        return f"{name}:swap"
    return f"{name}:none"


def _mutate_code(rng, body) -> str:
    import numpy as np
    from amber.vm import opcodes as O
    codes = body["program"]["codes"]
    co = rng.choice(codes)
    words = np.frombuffer(co["code"], "<i4").copy()
    how = rng.choice(["op", "arg", "arg", "word", "truncate", "lines", "swap", "cellmove"])
    if how == "cellmove":
        # MAKE_CELL replaced by NOP at its place and written into the dead code at the
        # end: the slot is "a cell" somewhere in the code, but not on the live path
        ops = [O.OPS[O.decode(int(w))[0]].name if O.decode(int(w))[0] < len(O.OPS) else "?"
               for w in words]
        if "MAKE_CELL" in ops and len(ops) >= 3 and ops[-2] == "LOAD_CONST":
            i = ops.index("MAKE_CELL")
            words[-2] = words[i]
            words[i] = O.encode(O.BY_NAME["NOP"].code, 0)
            co["code"] = words.tobytes()
        return "code:cellmove"
    if how in ("op", "arg", "word") and words.size:
        i = rng.randrange(words.size)
        op, arg = O.decode(int(words[i]))
        if how == "op":
            op = rng.randrange(len(O.OPS) + 3) & 0xFF
        elif how == "arg":
            arg = max(O.ARG_MIN, min(O.ARG_MAX, _interesting(rng, arg)))
        if how == "word":
            words[i] = np.int32(rng.getrandbits(32) - (1 << 31))
        else:
            words[i] = O.encode(op, arg)
        co["code"] = words.tobytes()
        return f"code:{how}"
    if how == "truncate" and words.size > 1:
        n = rng.randrange(1, words.size)
        co["code"] = words[:n].tobytes()
        co["lines"] = co["lines"][: 4 * n]
        return "code:truncate"
    if how == "lines":
        lines = np.frombuffer(co["lines"], "<i4").copy()
        if lines.size:
            lines[rng.randrange(lines.size)] = rng.choice([-1, 0, 10 ** 6, INT64_MIN >> 40])
        co["lines"] = lines.tobytes()
        return "code:lines"
    if words.size >= 2:
        i, j = rng.randrange(words.size), rng.randrange(words.size)
        words[i], words[j] = words[j], words[i]
        co["code"] = words.tobytes()
    return "code:swap"


def _weird(rng):
    return rng.choice([None, True, -1, 0, (1 << 64) - 1, 1.5, "", "x", b"\x00", [], {}, [1, 2],
                       {"t": [0]}, {"f": b"12345678"}, {"f": b"1"}, {"t": [10 ** 9]}])


def _mutate_program(rng, body) -> str:
    p = body["program"]
    how = rng.choice(["count", "count", "count", "const", "const", "local_names", "names",
                      "globals", "builtin_slots", "field", "codes"])
    if how == "count":
        co = rng.choice(p["codes"])
        field = rng.choice(["nparams", "nlocals", "nfree", "ndefaults", "stacksize",
                            "first_line", "module", "paramnames_const", "nposonly",
                            "nkwonly", "flags", "nkwdefaults", "kwdefmap_const"])
        co[field] = rng.choice([co[field] + 1, co[field] - 1, 0, co[field] * 2 + 1,
                                1 << 30, -1, None, "3"])
        return f"program:{field}"
    if how == "const":
        consts = p["consts"]
        if consts:
            i = rng.randrange(len(consts))
            c = consts[i]
            if isinstance(c, dict) and "t" in c and c["t"] and rng.random() < 0.6:
                c["t"][rng.randrange(len(c["t"]))] = rng.choice([i, i + 1, -1, len(consts), 0])
            elif isinstance(c, str) and c and rng.random() < 0.5:
                consts[i] = c[: rng.randrange(len(c))] + chr(rng.choice([0, 0xFFFF, 0x10FFFF, 65]))
            else:
                consts[i] = _weird(rng)
        return "program:const"
    if how == "local_names":
        co = rng.choice(p["codes"])
        ln = co["local_names"]
        r = rng.random()
        if ln and r < 0.4:
            ln.pop(rng.randrange(len(ln)))
        elif r < 0.7:
            ln.append("extra")
        elif ln:
            ln[rng.randrange(len(ln))] = _weird(rng)
        else:
            co["local_names"] = _weird(rng)
        return "program:local_names"
    if how in ("names", "globals"):
        lst = p[how]
        r = rng.random()
        if lst and r < 0.4:
            lst.pop(rng.randrange(len(lst)))
        elif lst and r < 0.7:
            lst[rng.randrange(len(lst))] = _weird(rng)
        else:
            lst.append("zz")
        return f"program:{how}"
    if how == "builtin_slots":
        bs = p["builtin_slots"]
        if bs and rng.random() < 0.6:
            e = rng.choice(bs)
            e[rng.randrange(2)] = rng.choice([-1, 10 ** 6, "open", "eval", "print", None, 0])
        else:
            bs.append([rng.randrange(0, 50), rng.choice(["print", "len", "nosuch"])])
        return "program:builtin_slots"
    if how == "field":
        key = rng.choice(["filename", "source", "consts", "names", "globals", "codes",
                          "builtin_slots"])
        if rng.random() < 0.3:
            del p[key]
        else:
            p[key] = _weird(rng)
        return f"program:field:{key}"
    codes = p["codes"]
    r = rng.random()
    if r < 0.3 and len(codes) > 1:
        codes.pop(rng.randrange(1, len(codes)))
    elif r < 0.6:
        codes.append(dict(rng.choice(codes)))
    else:
        co = rng.choice(codes)
        key = rng.choice(sorted(co))
        co[key] = _weird(rng)
    return "program:codes"


def _mutate_host(rng, body) -> str:
    h = body["host"]
    key = rng.choice(["output_written", "memory_limit", "output_limit", "finished", "error",
                      "missing"])
    if key == "missing":
        del h[rng.choice(sorted(h))]
    elif key == "error":
        h["error"] = rng.choice([["ValueError", "boom"], ["X"], [1, 2], "e", 3, None,
                                 ["KeyError", ""]])
    else:
        h[key] = rng.choice([-1, 0, 1, 1 << 62, (1 << 64) - 1, None, "7", 2.5, True])
    return f"host:{key}"


def _mutate_semantic(rng, body) -> str:
    """Changes that keep every array's shape consistent with the registers, so that
    the mutation reaches the deeper checks (heap kinds, references, frames), plus
    targeted attacks on invariants the interpreter relies on."""
    import numpy as np
    from amber.vm import layout as L
    arrays = body["arrays"]
    R = np.frombuffer(arrays["R"]["data"], "<i8").copy()
    H = np.frombuffer(arrays["H"]["data"], "<i8").copy().reshape(-1, 8)
    F = np.frombuffer(arrays["F"]["data"], "<i8").copy().reshape(-1, L.FRCOLS)
    S = np.frombuffer(arrays["S"]["data"], "<i8").copy().reshape(-1, 2)
    V = np.frombuffer(arrays["V"]["data"], "<i8").copy().reshape(-1, 2)
    K = np.frombuffer(arrays["K"]["data"], "<i8").copy().reshape(-1, 2)
    how = rng.choice(["hcol", "hcol", "hcol", "frame", "frame", "tag", "tag", "vtag",
                      "register", "retarget", "overflow", "alias", "cycle", "kconst",
                      "frameshift"])
    htop = H.shape[0]
    kind = H[:, L.KIND] if htop else np.zeros(0, np.int64)

    def rows(*kinds):
        return [int(r) for r in np.nonzero(np.isin(kind, kinds))[0]]

    if how == "hcol" and htop:
        r = rng.randrange(htop)
        c = rng.randrange(8)
        H[r, c] = rng.choice([_interesting(rng, int(H[r, c])), rng.randrange(max(1, htop)),
                              rng.randrange(max(1, V.shape[0] + 2)), -1])
    elif how == "frame":
        r = rng.randrange(F.shape[0])
        c = rng.randrange(5)
        F[r, c] += rng.choice([-2, -1, 1, 2, 3])
    elif how == "tag" and S.shape[0]:
        r = rng.randrange(S.shape[0])
        S[r, 0] = rng.randrange(-1, 20)
        if rng.random() < 0.5:
            S[r, 1] = rng.randrange(max(1, htop))
    elif how == "vtag" and V.shape[0]:
        r = rng.randrange(V.shape[0])
        V[r, rng.randrange(2)] = rng.choice([rng.randrange(-1, 20), rng.randrange(max(1, htop)),
                                             _interesting(rng)])
    elif how == "register":
        i = rng.randrange(len(R))
        R[i] = _interesting(rng, int(R[i]))
    elif how == "overflow" and rows(L.STR, L.LIST, L.TUPLE, L.DICT):
        # a region whose start + length wraps around int64 (and so looks small)
        r = rng.choice(rows(L.STR, L.LIST, L.TUPLE, L.DICT))
        H[r, L.A] = max(1, int(H[r, L.A]))
        col = {L.STR: L.B, L.LIST: L.C, L.TUPLE: L.B, L.DICT: rng.choice([L.C, L.E])}[int(kind[r])]
        if kind[r] == L.DICT and col == L.E:
            H[r, L.D] = max(1, int(H[r, L.D]))
            H[r, L.E] = 1 << 62
        else:
            H[r, col] = INT64_MAX - rng.randrange(0, 8)
        H[r, L.D if kind[r] in (L.STR, L.TUPLE) else L.F] = 0
    elif how == "alias" and rows(L.DICT) and rows(L.LIST, L.TUPLE, L.DICT):
        # two objects sharing arena rows (a dict's index over another object's items)
        d = rng.choice(rows(L.DICT))
        o = rng.choice(rows(L.LIST, L.TUPLE, L.DICT))
        if rng.random() < 0.7:
            H[d, L.D] = H[o, L.A]
        else:
            H[o, L.A] = H[d, L.D]
    elif how == "cycle" and rows(L.TUPLE):
        t = rng.choice(rows(L.TUPLE))
        if H[t, L.B] >= 1:
            V[H[t, L.A] + rng.randrange(int(H[t, L.B]))] = (L.TUPLE, t)
            H[t, L.D] = 0
    elif how == "kconst" and K.shape[0]:
        # a constant slot holding a valid value that is not the program's constant
        i = rng.randrange(K.shape[0])
        choices = [(L.INT, 1 << 40), (L.INT, rng.randrange(1000)), (L.NONE, 0), (L.BOOL, 1)]
        if htop:
            r = rng.randrange(htop)
            if kind[r] >= L.HEAP:
                choices.append((int(kind[r]), r))     # another live object
        K[i] = rng.choice(choices)
    elif how == "frameshift" and F.shape[0] >= 2:
        # drop the operand just below the top frame's return slot and slide the frame
        # down, so that its caller's operand stack is one slot shorter than its pc says
        ret = int(F[-1, L.FR_RET])
        victim = ret - rng.choice([1, 1, 2])
        lo = int(F[-2, L.FR_BASE])
        if lo <= victim < S.shape[0]:
            S = np.delete(S, victim, axis=0)
            F[-1, L.FR_BASE] -= 1
            F[-1, L.FR_RET] -= 1
            R[L.R_SP] -= 1
    else:   # point a reference at another row of the same or another kind
        if S.shape[0]:
            heap_slots = np.nonzero(S[:, 0] >= 8)[0]
            if len(heap_slots) and htop:
                s = int(rng.choice(list(heap_slots)))
                r = rng.randrange(htop)
                S[s] = (H[r, 0] if rng.random() < 0.7 else S[s, 0], r)
    for name, a in (("R", R), ("H", H), ("F", F), ("S", S), ("V", V), ("K", K)):
        arrays[name]["data"] = a.tobytes()
        if a.ndim == 2:
            arrays[name]["shape"] = [a.shape[0], a.shape[1]]
    return f"semantic:{how}"


def _mutate_outer(rng, outer, body) -> str:
    how = rng.choice(["magic", "format", "drop", "body_type", "extra_body_key", "arrays"])
    if how == "magic":
        outer["magic"] = rng.choice(["AMBER", "", None, b"AMBER-SNAPSHOT"])
    elif how == "format":
        outer["format"] = rng.choice([0, 2, 999, -1, None, "1", 1.0, True])
    elif how == "drop":
        del body[rng.choice(sorted(body))]
    elif how == "body_type":
        body["program"] = _weird(rng)
    elif how == "extra_body_key":
        body["arrays"]["Z"] = {"shape": [1], "data": b"\0" * 8}
    else:
        name = rng.choice(sorted(body["arrays"]))
        body["arrays"][name] = rng.choice([None, {}, {"shape": [1]}, {"data": b""}, [], 7])
    return f"outer:{how}"


def _mutate_compact(rng, body) -> str:
    """Mutations of the stored (compact) form: the varint streams of the arrays,
    their row counts, and the prelude reference."""
    arrays = body["arrays"]
    how = rng.choice(["bits", "bits", "truncate", "append", "rows", "swap", "prelude"])
    name = rng.choice(["R", "S", "F", "F", "K", "H", "H", "H", "V", "V", "CH", "G"])
    e = arrays[name]
    if how == "bits" and e["d"]:
        raw = bytearray(e["d"])
        for _ in range(rng.randint(1, 4)):
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        e["d"] = bytes(raw)
    elif how == "truncate":
        e["d"] = e["d"][: rng.randrange(len(e["d"]) + 1)]
    elif how == "append":
        e["d"] += bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 12)))
    elif how == "rows":
        e["n"] = rng.choice([e["n"] - 1, e["n"] + 1, 0, 2 * e["n"], 1 << 41, -1, "x", None])
    elif how == "swap":
        other = rng.choice(sorted(arrays))
        arrays[name], arrays[other] = arrays[other], arrays[name]
    else:
        ref = body["program"].get("prelude")
        if isinstance(ref, dict):
            key = rng.choice(sorted(ref))
            ref[key] = (bytes(32) if key == "sha256" else
                        rng.choice([ref[key] + 1, ref[key] - 1, 0, None]))
    return f"compact:{name}:{how}"


def reseal(outer: dict) -> None:
    """Recompute the outer checksum over outer["body"] (whichever the format uses)."""
    import zlib
    if "crc32" in outer:
        outer["crc32"] = zlib.crc32(outer["body"])
    if "sha256" in outer:
        outer["sha256"] = hashlib.sha256(outer["body"]).digest()


def unseal(data: bytes, expand: bool = True) -> tuple[dict, dict]:
    """The outer map and the body of a snapshot, as maps to edit.

    expand: the program as a self-contained map (the prelude's codes, constants
    and globals included, so that every index is the program's own) and every
    array in its plain form {"shape", "data"}; else the body as stored (the
    program map perhaps referring to the prelude, the arrays compact)."""
    import msgpack
    from amber.snapshot import format as fmt
    outer = msgpack.unpackb(data, raw=False)
    body = msgpack.unpackb(outer["body"], raw=False, strict_map_key=False)
    if expand:
        entry = fmt.loaded_program(body["program"])
        arrays = fmt.live_arrays(body, entry)
        body["program"] = fmt.program_doc(entry.program)
        body["arrays"] = {name: {"shape": list(a.shape),
                                 "data": a.astype(fmt.DTYPES[name]).tobytes()}
                          for name, a in arrays.items()}
    else:
        body["program"] = msgpack.unpackb(body["program"], raw=False, strict_map_key=False)
    return outer, body


def seal(outer: dict, body: dict, checksum: bool = True) -> bytes:
    """Snapshot bytes from unseal()'s maps (the checksum recomputed unless told)."""
    import msgpack
    if isinstance(body.get("program"), dict):
        body = dict(body, program=msgpack.packb(body["program"], use_bin_type=True))
    outer["body"] = msgpack.packb(body, use_bin_type=True)
    if checksum:
        reseal(outer)
    return msgpack.packb(outer, use_bin_type=True)


def make_case(i: int, cache: dict) -> tuple[bytes, str]:
    """The i-th mutated snapshot (deterministic) and a description of the mutation:
    half of them edit the plain form (every array decoded, the whole program), half
    the compact form that save() writes."""
    rng = random.Random(f"{BASE_SEED}:{i}")
    snaps = _snapshots(cache)
    name, k, data = snaps[rng.randrange(len(snaps))]
    data, what = mutate_snapshot(rng, data, raw_share=0.2)
    return data, f"{name}@{k} {what}"


def mutate_snapshot(rng: random.Random, data: bytes, raw_share: float) -> tuple[bytes, str]:
    """A mutated copy of snapshot bytes and what was done: raw byte damage (a share
    raw_share of the time), else one to three structural edits, resealed."""
    if rng.random() < raw_share:
        return _mutate_raw(rng, data)
    expand = rng.random() < 0.5
    outer, body = unseal(data, expand)
    whats = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        kind = rng.choices(["array", "semantic", "code", "program", "host", "outer"],
                           weights=[22, 30, 22, 14, 6, 6])[0]
        try:
            if kind == "outer":
                whats.append(_mutate_outer(rng, outer, body))
            elif kind in ("array", "semantic") and not expand:
                whats.append(_mutate_compact(rng, body))
            else:
                whats.append({"array": _mutate_array, "semantic": _mutate_semantic,
                              "code": _mutate_code, "program": _mutate_program,
                              "host": _mutate_host}[kind](rng, body))
        except (KeyError, TypeError, AttributeError, IndexError, ValueError):
            whats.append(f"{kind}:skipped")   # an earlier mutation removed what this one needs
    checksum = rng.random() < 0.97      # (mostly recomputed, so that the checksum passes)
    return (seal(outer, body, checksum=checksum),
            f"{'plain' if expand else 'compact'} {' + '.join(whats)}"
            + ("" if checksum else " (checksum left stale)"))


def run_case(data: bytes, what: str) -> tuple[str, str]:
    """(outcome, detail): outcome is refused / finished / paused / error / BUG-load /
    BUG-run / BUG-resave, or BUG-stdout when something reached the host's own
    sys.stdout (a script's output belongs to its VM's sink only)."""
    host_out = io.StringIO()
    saved = sys.stdout
    sys.stdout = host_out
    try:
        outcome, detail = _run_case(data, what)
    finally:
        sys.stdout = saved
    if host_out.getvalue():
        return "BUG-stdout", f"{what}: wrote {host_out.getvalue()[:80]!r} to the host's stdout"
    return outcome, detail


def _run_case(data: bytes, what: str) -> tuple[str, str]:
    import amber
    from amber import snapshot
    out = io.StringIO()
    try:
        vm = snapshot.load(data, stdout=out)
    except snapshot.SnapshotError as e:
        msg = str(e)
        if "\n" in msg or not msg:
            return "BUG-load", f"{what}: SnapshotError message is not one line: {msg!r}"
        return "refused", what
    except Exception as e:  # noqa: BLE001 -- anything else is the bug we look for
        return "BUG-load", f"{what}: load raised {type(e).__name__}: {e}"[:400]
    vm.memory_limit = min(vm.memory_limit, MEMORY_LIMIT)
    vm.output_limit = min(vm.output_limit, vm.output_written + OUTPUT_LIMIT)
    try:
        status = vm.run(fuel=FUEL)
    except Exception as e:  # noqa: BLE001
        return "BUG-run", f"{what}: run raised {type(e).__name__}: {e}"[:400]
    if status is amber.Status.PAUSED:
        # a VM that runs must also snapshot and restore
        try:
            snapshot.load(snapshot.save(vm), stdout=out)
        except Exception as e:  # noqa: BLE001
            return "BUG-resave", f"{what}: re-save after run raised {type(e).__name__}: {e}"[:400]
    return status.name.lower(), what


def _case_in_fork(i: int, cache: dict) -> dict:
    """Run case i in a forked process: a segfault, an abort or a hang kills only it."""
    data, what = make_case(i, cache)
    return in_fork(lambda: run_case(data, what), what)


def in_fork(job, what: str) -> dict:
    """{"outcome", "detail"} of job() -> (outcome, detail), run in a forked process."""
    import resource
    import select
    import signal
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:    # the case
        try:
            os.close(r)
            # a runaway allocation must not take the machine down with it
            resource.setrlimit(resource.RLIMIT_AS, (CASE_MEMORY, CASE_MEMORY))
            outcome, detail = job()
            os.write(w, json.dumps([outcome, detail]).encode())
        except BaseException as e:  # noqa: BLE001 -- a bug in the harness itself
            os.write(w, json.dumps(["HARNESS", f"{type(e).__name__}: {e}"]).encode())
        finally:
            os._exit(0)
    os.close(w)
    chunks = []
    deadline = CASE_TIMEOUT
    hung = False
    while True:
        ready, _, _ = select.select([r], [], [], deadline)
        if not ready:
            hung = True
            os.kill(pid, signal.SIGKILL)
            break
        chunk = os.read(r, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if hung:
        return {"outcome": "HANG", "detail": f"{what}: no result after {CASE_TIMEOUT} s"}
    if os.WIFSIGNALED(status):
        return {"outcome": "CRASH", "detail": f"{what}: killed by signal {os.WTERMSIG(status)}"}
    try:
        outcome, detail = json.loads(b"".join(chunks).decode())
    except ValueError:
        return {"outcome": "CRASH", "detail": f"{what}: exited with status "
                                             f"{os.waitstatus_to_exitcode(status)} and no result"}
    return {"outcome": outcome, "detail": detail}


def child_main(argv: list[str]) -> int:
    """The fuzz loop.  Prints one JSON line per case, then a summary line."""
    verbose = "-v" in argv
    if "--exploits" in argv:
        return exploit_main(argv[argv.index("--exploits") + 1].split(","))
    if "--case" in argv:
        cases = [int(argv[argv.index("--case") + 1])]
    else:
        lo, hi = argv[argv.index("--cases") + 1].split(":")
        cases = range(int(lo), int(hi))
    cache: dict = {}
    _snapshots(cache)          # once, before forking: every case starts from them
    counts: dict = {}
    failures = []
    for i in cases:
        rec = _case_in_fork(i, cache)
        counts[rec["outcome"]] = counts.get(rec["outcome"], 0) + 1
        rec["case"] = i
        if rec["outcome"] not in GOOD:
            rec["seed"] = f"{BASE_SEED}:{i}"
            failures.append(rec)
        elif not verbose:
            del rec["detail"]
        print(json.dumps(rec), flush=True)
    ran_ok = sum(counts.get(k, 0) for k in ("finished", "paused"))
    print(json.dumps({"summary": counts, "SnapshotError": counts.get("refused", 0),
                      "ran ok": ran_ok, "script error": counts.get("error", 0),
                      "first failures": failures[:10]}), flush=True)
    return 0


# ===========================================================================
# targeted hostile snapshots (each one a hole found in validate.py)
# ===========================================================================
#
# Each builds a snapshot that a real VM wrote, edits it the way an attacker would
# (keeping the checksum valid), and hands it to run_case().  The right answers are
# "refused" (SnapshotError) or a clean run; anything else is a bug.

def _paused(src: str, stop):
    """A VM of src paused at the first instruction count where stop(vm) holds."""
    import amber
    prog = amber.compile(src, "hostile.py")
    vm = amber.VM(prog, stdout=io.StringIO())
    for _ in range(1, 100_000):     # one instruction at a time (fuel is deterministic:
        if vm.run(fuel=1) is not amber.Status.PAUSED:   # the same state as run(fuel=k))
            break
        if stop(vm):
            return vm
    raise AssertionError("the pause condition never held")


def _edit(data: bytes, fn) -> bytes:
    """Decode the arrays of a snapshot, let fn(arrays, body) change them, re-seal
    (in the plain form: the whole program, every array as it is)."""
    import numpy as np
    outer, body = unseal(data)
    arrays = {}
    for name, e in body["arrays"].items():
        dt, cols = ARRAY_INFO[name]
        a = np.frombuffer(e["data"], dt).copy()
        arrays[name] = a.reshape(-1, cols) if cols > 1 else a
    fn(arrays, body)
    for name, a in arrays.items():
        body["arrays"][name] = {"shape": list(a.shape), "data": a.tobytes()}
    return seal(outer, body)


def _global(vm, name):
    from amber.vm import layout as L
    i = vm.program.globals.index(name)
    return int(vm.st.G[i, 0]), int(vm.st.G[i, 1])


def exploit_unknown_opcode() -> bytes:
    """A code word whose opcode is past the table."""
    import msgpack
    import numpy as np
    from amber import snapshot
    vm = _paused("x = 1\nprint(x)\n", lambda vm: vm.instructions == 1)
    outer, body = unseal(snapshot.save(vm))
    words = np.frombuffer(body["program"]["codes"][0]["code"], "<i4").copy()
    words[-1] = 200                       # opcode 200, argument 0
    body["program"]["codes"][0]["code"] = words.tobytes()
    return seal(outer, body)


def exploit_tuple_length_overflow() -> bytes:
    """A tuple whose offset + length wraps around int64."""
    from amber import snapshot
    from amber.vm import layout as L
    vm = _paused("t = (1, 2, 3)\nprint(t)\n", lambda vm: _global(vm, "t")[0] == L.TUPLE)
    t = _global(vm, "t")[1]

    def f(a, body):
        a["H"][t, L.A] = 1
        a["H"][t, L.B] = INT64_MAX
    return _edit(snapshot.save(vm), f)


def exploit_string_length_overflow() -> bytes:
    """A string whose offset + length wraps around int64, so "A + B <= CTOP" holds;
    hashing it then reads far past the character arena."""
    from amber import snapshot
    from amber.vm import layout as L
    vm = _paused('s = "hello"\nd = {}\nd[s] = 1\nprint(d)\n',
                 lambda vm: _global(vm, "d")[0] == L.DICT)
    s = _global(vm, "s")[1]

    def f(a, body):
        a["H"][s, L.A] = 4
        a["H"][s, L.B] = INT64_MAX - 2
        a["H"][s, L.D] = 0            # not hashed yet
    return _edit(snapshot.save(vm), f)


def exploit_dict_index_alias() -> bytes:
    """A dict whose index region is another list's items: load() rebuilds the index
    after validating the list, so the list ends up holding (entry, hash) pairs as
    values -- heap tags with payloads far outside the object table."""
    from amber import snapshot
    from amber.vm import layout as L
    src = ('lst = [0] * 80\nd = {}\nfor k in "abcdefghijklmnop":\n    d[k] = 1\nn = 0\n'
           'for v in lst:\n    if v == "zz":\n        n = n + 1\nprint(n)\n')
    vm = _paused(src, lambda vm: _global(vm, "n")[0] == L.INT)
    lst = _global(vm, "lst")[1]
    d = _global(vm, "d")[1]

    def f(a, body):
        H = a["H"]
        assert H[lst, L.B] >= H[d, L.E]
        H[d, L.D] = H[lst, L.A]
    return _edit(snapshot.save(vm), f)


def exploit_cell_not_made() -> bytes:
    """MAKE_CELL moved off the path (NOP in its place, the MAKE_CELL in dead code):
    the verifier only asks whether the slot is made a cell *somewhere* in the code,
    so STORE_DEREF writes through the unbound slot's payload 0 into object row 0
    (here the string "abcdef"), giving it a length of 10**12."""
    import amber
    from amber import snapshot
    from amber.vm import opcodes as O
    src = ('s = "abcdef"\ndef f():\n    c = 1000000000000\n    def g():\n        return c\n'
           '    d = {s: 1}\n    return d\nprint(f())\n')
    prog = amber.compile(src, "hostile.py")
    co = next(c for c in prog.codes if c.name == "f")
    code = list(co.code)
    assert O.OPS[O.decode(code[0])[0]].name == "MAKE_CELL"
    assert O.OPS[O.decode(code[-2])[0]].name == "LOAD_CONST"
    code[-2] = code[0]
    code[0] = O.encode(O.BY_NAME["NOP"].code, 0)
    co.code = code
    return snapshot.save(amber.VM(prog, stdout=io.StringIO()))


def exploit_paramnames_constant() -> bytes:
    """The constant slot of a function's parameter-name tuple holds another valid
    value (K is checked for valid values, not against the program's constants);
    a keyword call then reads names through it."""
    from amber import snapshot
    from amber.vm import layout as L
    vm = _paused("def f(a, b):\n    return a\nprint(f(1, b=2))\n", lambda vm: vm.instructions == 1)
    pc = next(c for c in vm.program.codes if c.name == "f").paramnames_const

    def f(a, body):
        a["K"][pc] = (L.INT, 1 << 40)
    return _edit(snapshot.save(vm), f)


def exploit_kwnames_constant() -> bytes:
    """The keyword-names constant of print(..., end="") replaced by None: the host
    service iterates it (TypeError out of run())."""
    from amber import snapshot
    from amber.vm import layout as L
    vm = _paused('print(1, end="")\nprint(2)\n', lambda vm: vm.instructions == 1)
    i = next(i for i, c in enumerate(vm.program.consts) if isinstance(c, tuple) and c[1]
             and vm.program.consts[c[1][0]] == "end")

    def f(a, body):
        a["K"][i] = (L.NONE, 0)
    return _edit(snapshot.save(vm), f)


def exploit_caller_stack_short() -> bytes:
    """The caller's operand stack made one slot shorter than its pc implies (the
    for-loop iterator below the call is removed and the callee slid down).  The
    frame check accepts any depth from 0 to the verified one, so after the return
    FOR_ITER takes the local y = 10**12 for an iterator row."""
    from amber import snapshot
    from amber.vm import layout as L
    import numpy as np
    src = ("def g():\n    return 1000000000000\ndef f(lst):\n    for v in lst:\n"
           "        y = g()\n    return 0\nf([1, 2, 3])\n")
    vm = _paused(src, lambda vm: int(vm.st.R[L.R_FP]) == 2)

    def f(a, body):
        F, S, R = a["F"], a["S"], a["R"]
        nlocals = body["program"]["codes"][int(F[1, L.FR_CODE])]["nlocals"]
        it = int(F[1, L.FR_BASE]) + nlocals
        assert S[it, 0] == L.ITER
        a["S"] = np.delete(S, it, axis=0)
        F[2, L.FR_BASE] -= 1
        F[2, L.FR_RET] -= 1
        R[L.R_SP] -= 1
    return _edit(snapshot.save(vm), f)


def exploit_cyclic_tuple() -> bytes:
    """A tuple that contains itself, used as a dict key: rebuilding the dict index
    at load hashes it with an ever-growing explicit stack."""
    from amber import snapshot
    from amber.vm import layout as L
    vm = _paused("t = (1, 2)\nd = {t: 1}\nprint(d)\n", lambda vm: _global(vm, "d")[0] == L.DICT)
    t = _global(vm, "t")[1]

    def f(a, body):
        a["V"][a["H"][t, L.A]] = (L.TUPLE, t)
        a["H"][t, L.D] = 0
    return _edit(snapshot.save(vm), f)


_KW_SRC = ("def f(a, *args, k, m=2, **kw):\n    return a, args, k, m, kw\n"
           "x = 0\nprint(f(1, 2, k=3, z=4))\nprint(f(*[1], **{'k': 5}))\n")


def _kw_paused():
    from amber.vm import layout as L
    return _paused(_KW_SRC, lambda vm: _global(vm, "f")[0] == L.FUNC
                   and _global(vm, "x")[0] == L.INT)


def exploit_kwdefaults_not_a_tuple() -> bytes:
    """A function whose keyword-only defaults (H column D) name a str, not a tuple:
    binding m would read the str's row as a tuple's items."""
    from amber import snapshot
    from amber.vm import layout as L
    vm = _kw_paused()
    f = _global(vm, "f")[1]

    def edit(a, body):
        strs = [r for r in range(a["H"].shape[0]) if a["H"][r, L.KIND] == L.STR]
        a["H"][f, L.D] = strs[0]
    return _edit(snapshot.save(vm), edit)


def exploit_kwdefaults_missing() -> bytes:
    """The keyword-only defaults column of a function that has one set to -1."""
    from amber import snapshot
    from amber.vm import layout as L
    vm = _kw_paused()
    f = _global(vm, "f")[1]

    def edit(a, body):
        a["H"][f, L.D] = -1
    return _edit(snapshot.save(vm), edit)


def _edit_code(field, value) -> bytes:
    from amber import snapshot
    vm = _kw_paused()

    def edit(a, body):
        co = next(c for c in body["program"]["codes"] if c["name"] == "f")
        co[field] = value(co) if callable(value) else value
    return _edit(snapshot.save(vm), edit)


def exploit_kwonly_past_locals() -> bytes:
    """More keyword-only parameters than the code has local slots."""
    return _edit_code("nkwonly", lambda co: co["nlocals"] + 5)


def exploit_varkw_flag_without_slot() -> bytes:
    """Flags claiming *args and **kwargs slots the locals do not have room for."""
    return _edit_code("nlocals", lambda co: co["nparams"] + co["nkwonly"])


def exploit_kwdefmap_out_of_range() -> bytes:
    """A keyword-only default map pointing past the function's defaults tuple."""
    def value(co):
        return co["kwdefmap_const"]

    from amber import snapshot
    vm = _kw_paused()

    def edit(a, body):
        consts = body["program"]["consts"]
        co = next(c for c in body["program"]["codes"] if c["name"] == "f")
        consts.append(7)                        # a default index the tuple does not have
        consts.append({"t": [len(consts) - 1, len(consts) - 1]})
        co["kwdefmap_const"] = len(consts) - 1
        a["K"] = __import__("numpy").zeros((len(consts), 2), "<i8")   # (K must match too)
    return _edit(snapshot.save(vm), edit)


def exploit_posonly_past_params() -> bytes:
    """More positional-only parameters than positional parameters."""
    return _edit_code("nposonly", lambda co: co["nparams"] + 1)
def _set_snapshot():
    """A paused VM holding a set s (elements 1..12, some removed) and a list lst."""
    from amber import snapshot
    from amber.vm import layout as L
    src = ("lst = [7] * 40\ns = set(range(1, 13))\ns.discard(3)\nf = frozenset({5, 6})\n"
           "n = 0\nfor x in s:\n    n = n + x\nprint(n, 4 in s, f in {f})\n")
    vm = _paused(src, lambda vm: _global(vm, "n")[0] == L.INT)
    return vm, snapshot.save(vm), _global(vm, "s")[1], _global(vm, "lst")[1]


def _set_exploit(edit):
    def build() -> bytes:
        vm, data, s, lst = _set_snapshot()
        return _edit(data, lambda a, body: edit(a, s, lst))
    return build


def _all_dummies(a, s, lst):
    from amber.vm import layout as L
    o, n = a["H"][s, L.A], a["H"][s, L.E]
    for i in range(n):
        if a["V"][o + 2 * i, 0] == L.UNDEF:
            a["V"][o + 2 * i] = (L.UNDEF, 1)
    a["H"][s, L.C] = n      # no empty slot left: a failing lookup would never end


def _set_size_not_power(a, s, lst):
    from amber.vm import layout as L
    a["H"][s, L.E] = 24


def _set_over_list(a, s, lst):
    from amber.vm import layout as L
    a["H"][s, L.A] = a["H"][lst, L.A]


def _set_offset_overflow(a, s, lst):
    from amber.vm import layout as L
    a["H"][s, L.A] = INT64_MAX - 8


def _set_bad_element(a, s, lst):
    from amber.vm import layout as L
    o, n = a["H"][s, L.A], a["H"][s, L.E]
    for i in range(n):
        if a["V"][o + 2 * i, 0] == L.INT:
            a["V"][o + 2 * i] = (L.STR, 10 ** 9)
            break


def _set_unhashable_element(a, s, lst):
    from amber.vm import layout as L
    o, n = a["H"][s, L.A], a["H"][s, L.E]
    for i in range(n):
        if a["V"][o + 2 * i, 0] == L.INT:
            a["V"][o + 2 * i] = (L.LIST, lst)
            break


def _set_wrong_count(a, s, lst):
    from amber.vm import layout as L
    a["H"][s, L.B] += 5


def _set_wrong_hashes(a, s, lst):
    from amber.vm import layout as L
    o, n = a["H"][s, L.A], a["H"][s, L.E]
    for i in range(n):
        a["V"][o + 2 * i + 1, 0] = 12345    # hashes are recomputed on load: runs cleanly


def _set_negative_finger(a, s, lst):
    from amber.vm import layout as L
    a["H"][s, L.F] = -3


SET_EXPLOITS = {
    "set_all_dummies": (_set_exploit(_all_dummies), "a set table with no empty slot"),
    "set_size_not_power_of_two": (_set_exploit(_set_size_not_power), "set table size 24"),
    "set_over_list": (_set_exploit(_set_over_list), "a set table on a list's items"),
    "set_offset_overflow": (_set_exploit(_set_offset_overflow), "a set table offset near 2**63"),
    "set_bad_element": (_set_exploit(_set_bad_element), "a set element outside the heap"),
    "set_unhashable_element": (_set_exploit(_set_unhashable_element), "a list in a set"),
    "set_wrong_count": (_set_exploit(_set_wrong_count), "used count off by 5"),
    "set_wrong_hashes": (_set_exploit(_set_wrong_hashes), "stored hashes all wrong"),
    "set_negative_finger": (_set_exploit(_set_negative_finger), "a negative pop finger"),
}


EXPLOITS = {
    "kwdefaults_not_a_tuple": (exploit_kwdefaults_not_a_tuple,
                               "FUNC column D must be a tuple of the code's nkwdefaults"),
    "kwdefaults_missing": (exploit_kwdefaults_missing,
                           "FUNC column D -1 while the code has keyword-only defaults"),
    "kwonly_past_locals": (exploit_kwonly_past_locals,
                           "nkwonly beyond nlocals: binding would write past the frame"),
    "varkw_flag_without_slot": (exploit_varkw_flag_without_slot,
                                "*args/**kwargs slots that nlocals does not cover"),
    "kwdefmap_out_of_range": (exploit_kwdefmap_out_of_range,
                              "a keyword-only default index past the defaults tuple"),
    "posonly_past_params": (exploit_posonly_past_params,
                            "nposonly > nparams"),
    "unknown_opcode": (exploit_unknown_opcode,
                       "verify_code() builds its MAKE_CELL set with O.OPS[op] before the "
                       "opcode range check: IndexError"),
    "tuple_length_overflow": (exploit_tuple_length_overflow,
                              "_check_heap's A + B <= VTOP wraps around int64; _ranges() "
                              "then raises ValueError"),
    "string_length_overflow": (exploit_string_length_overflow,
                               "_check_heap's A + B <= CTOP wraps around int64: segfault "
                               "when the string is hashed"),
    "dict_index_alias": (exploit_dict_index_alias,
                         "arena regions are never checked to be disjoint, and dict indexes "
                         "are rebuilt after the values were validated: segfault"),
    "cell_not_made": (exploit_cell_not_made,
                      "verify_code() accepts LOAD/STORE_DEREF on a slot made a cell anywhere "
                      "in the code, not on every path to the use: heap corruption, segfault"),
    "paramnames_constant": (exploit_paramnames_constant,
                            "check_state() validates K as values but never against the "
                            "program's constants: segfault in bind_keywords"),
    "kwnames_constant": (exploit_kwnames_constant,
                         "same (K vs constants), on the host side: TypeError out of run()"),
    "caller_stack_short": (exploit_caller_stack_short,
                           "_check_frames() accepts a caller operand depth anywhere in "
                           "[0, verified depth] instead of exactly the depth below the "
                           "call's arguments: FOR_ITER on a non-iterator, segfault"),
    "cyclic_tuple": (exploit_cyclic_tuple,
                     "no check that tuples are acyclic: hash_value()'s stack grows until "
                     "memory runs out (MemoryError at load, or the OOM killer)"),
    **SET_EXPLOITS,
}


def exploit_main(names: list[str]) -> int:
    for name in names:
        fn, _ = EXPLOITS[name]
        data = fn()
        rec = in_fork(lambda: run_case(data, name), name)
        rec["exploit"] = name
        print(json.dumps(rec), flush=True)
    return 0


# ===========================================================================
# the tests (parent process)
# ===========================================================================

def run_fuzz(lo: int, hi: int, timeout: float = 900) -> dict:
    """Run cases [lo, hi) in a child process (which forks one process per case)."""
    proc = subprocess.run([PYTHON, str(Path(__file__)), "--cases", f"{lo}:{hi}"],
                          capture_output=True, text=True, timeout=timeout,
                          cwd=str(HERE.parent))
    assert proc.returncode == 0, (f"the fuzz driver itself failed (rc {proc.returncode}):\n"
                                  f"{proc.stderr[-3000:]}")
    results = {}
    summary = None
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        if "summary" in rec:
            summary = rec["summary"]
        else:
            results[rec["case"]] = (rec["outcome"], rec.get("detail", ""))
    return {"results": results, "summary": summary}


@pytest.fixture(scope="module")
def fuzz_report():
    return run_fuzz(0, N_CASES)


def _bugs(report, outcomes) -> list:
    return sorted((i, o, d) for i, (o, d) in report["results"].items() if o in outcomes)


def _explain(bugs) -> str:
    return f"{len(bugs)} cases; first ones (rerun one: python tests/test_snapshot_fuzz.py " \
           "--case N -v):\n" + "\n".join(f"case {i} [{o}] {d}" for i, o, d in bugs[:12])


def test_fuzz_summary(fuzz_report):
    """At least 300 mutated snapshots ran; print the tally (pytest -s shows it).

    refused: SnapshotError; finished / paused: ran ok; error: ran to a script error;
    BUG-*: another exception; CRASH / HANG: the case's process died or hung."""
    assert len(fuzz_report["results"]) == N_CASES >= 300
    print("\nfuzz summary:", json.dumps(fuzz_report["summary"], sort_keys=True))
    assert not _bugs(fuzz_report, {"HARNESS"}), _explain(_bugs(fuzz_report, {"HARNESS"}))


def test_fuzz_no_crash_or_hang(fuzz_report):
    """No mutated snapshot may kill the process (segfault, abort) or hang it."""
    bugs = _bugs(fuzz_report, {"CRASH", "HANG"})
    assert not bugs, _explain(bugs)


def test_fuzz_no_unexpected_exceptions(fuzz_report):
    """load() raises SnapshotError or succeeds; run() returns a status; nothing else."""
    bugs = _bugs(fuzz_report, {"BUG-load", "BUG-run", "BUG-resave", "BUG-stdout"})
    assert not bugs, _explain(bugs)


def test_fuzz_reaches_the_deep_checks(fuzz_report):
    """The structural mutations get past the checksum: many are refused by the
    validator and many load and run."""
    outcomes = [o for o, _ in fuzz_report["results"].values()]
    assert outcomes.count("refused") >= 50
    assert sum(o in ("finished", "paused", "error") for o in outcomes) >= 30


@pytest.fixture(scope="module")
def exploit_results():
    proc = subprocess.run([PYTHON, str(Path(__file__)), "--exploits", ",".join(EXPLOITS)],
                          capture_output=True, text=True, timeout=600, cwd=str(HERE.parent))
    assert proc.returncode == 0, f"exploit driver failed:\n{proc.stderr[-3000:]}"
    return {rec["exploit"]: rec for rec in map(json.loads, proc.stdout.splitlines())}


@pytest.mark.parametrize("name", [
    pytest.param(name, id=name) for name in EXPLOITS])
def test_hostile_snapshot(exploit_results, name):
    """Each targeted hostile snapshot is refused (or runs cleanly): no crash, no hang,
    no exception other than SnapshotError.  Rerun one:
    python tests/test_snapshot_fuzz.py --exploits NAME -v"""
    rec = exploit_results[name]
    assert rec["outcome"] in GOOD, f"{name}: {rec['outcome']}: {rec['detail']}"


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(child_main(sys.argv[1:]))


def _slid_constants_vm():
    """A paused VM after garbage was made, dropped and collected."""
    import io
    import amber
    src = ("junk = [str(i) * 3 for i in range(2000)]\njunk = None\n"
           "label = 'constant-label'\nn = 0\nwhile True:\n    n += 1\n")
    vm = amber.VM(amber.compile(src, "slid.py"), stdout=io.StringIO())
    vm.run(fuel=200_000)
    vm.collect()
    return vm


def test_constants_after_a_collection_load_and_an_edited_one_is_refused():
    from amber import snapshot
    from amber.vm import layout as L
    import amber
    vm = _slid_constants_vm()
    fresh = amber.VM(vm.program, stdout=io.StringIO())
    K, H = vm.st.K, vm.st.H
    # the collection gives the empty constants ('' and ()) other offsets: the load's
    # quick comparison with a fresh VM compares contents, not offsets
    moved = [i for i in range(K.shape[0]) if K[i, 0] >= L.HEAP
             and H[K[i, 1], L.A] != fresh.st.H[fresh.st.K[i, 1], L.A]]
    assert moved, "the collection was meant to move a constant's region"
    data = snapshot.save(vm)
    restored = snapshot.load(data)
    assert restored.run(fuel=1000) is amber.Status.PAUSED
    k = vm.program.consts.index("constant-label")

    def edit(a, body):
        H, CH, K = a["H"], a["CH"], a["K"]
        at = int(H[int(K[k, 1]), L.A])
        CH[at] = ord("X") if CH[at] != ord("X") else ord("Y")   # same length, other text
    from amber.snapshot import SnapshotError
    with pytest.raises(SnapshotError, match="constant"):
        snapshot.load(_edit(data, edit))
