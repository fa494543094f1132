"""Snapshot format v4: save a paused VM to msgpack bytes and load it back.

The document (docs/snapshot-format.md) is an outer msgpack map with a magic string,
the format version and a CRC-32 of the body (it detects corruption; hostile
snapshots are caught by validation, which a checksum could not do anyway).  The body
holds the program (so the target needs no source; the prelude every program starts
with is named by a hash of this Amber's prelude instead of copied, unless the saver
asks for a self-contained file), the state arrays (each either the rows that differ
from a fresh VM's, compact.py, or the plain live part) and the host-side scalars.
load() checks everything (validate.py) before the interpreter can see it.

Loading caches, per program (keyed by the SHA-256 of its encoded bytes), the
decoded and checked program, its linked code and the fresh VM's arrays: they are
never written to (read-only arrays; a VM gets copies of what it may change), so a
second load of the same program is exactly as safe as the first.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
import threading
import weakref
import zlib
from collections import OrderedDict
from typing import NamedTuple

import msgpack
import numpy as np

from ..compiler.program import CodeObject, Program
from ..vm import layout as L
from ..vm.loader import link_code, method_table, prelude_builtin_slots
from ..vm.machine import Machine
from ..vm.state import State
from . import checks, compact

MAGIC = "AMBER-SNAPSHOT"
FORMAT_VERSION = 4
AMBER_VERSION = "0.1.0"

COLLECT_ABOVE = 1 << 16   # state rows beyond which save() collects garbage first
PROGRAM_CACHE_SIZE = 64   # decoded programs kept by load()

# The state arrays a snapshot carries (CODE, FN and MT are rebuilt from the program).
ARRAYS = ("R", "S", "F", "K", "H", "V", "CH", "G")
DTYPES = {"R": "<i8", "S": "<i8", "F": "<i8", "K": "<i8", "H": "<i8", "V": "<i8",
          "CH": "<i4", "G": "<i8"}
COLS = {"R": 1, "S": 2, "F": L.FRCOLS, "K": 2, "H": L.HCOLS, "V": 2, "CH": 1, "G": 2}
MAX_ROWS = 1 << 40


class SnapshotError(Exception):
    """The bytes are not a sound Amber snapshot; the message says why, in one line."""


def _need(cond, why: str):
    if not cond:
        raise SnapshotError(why)


# ---------------------------------------------------------------------------
# the program as a document
# ---------------------------------------------------------------------------

def _code_doc(co: CodeObject) -> dict:
    return {
        "name": co.name, "qualname": co.qualname, "filename": co.filename,
        "code": np.asarray(co.code, "<i4").tobytes(),
        "lines": np.asarray(co.lines, "<i4").tobytes(),
        "nparams": co.nparams, "nlocals": co.nlocals, "nfree": co.nfree,
        "ndefaults": co.ndefaults, "stacksize": co.stacksize,
        "local_names": list(co.local_names), "first_line": co.first_line,
        "paramnames_const": co.paramnames_const, "module": co.module,
        "handlers": [list(h) for h in co.handlers],
        "nposonly": co.nposonly, "nkwonly": co.nkwonly, "flags": co.flags,
        "nkwdefaults": co.nkwdefaults, "kwdefmap_const": co.kwdefmap_const,
    }


def _const_doc(c):
    if isinstance(c, float):
        return {"f": np.array(c, "<f8").tobytes()}   # exact bits, little-endian
    if isinstance(c, (tuple, list)):
        return {"t": [int(i) for i in c[1]]}
    if isinstance(c, int) and not isinstance(c, bool) and not -(1 << 63) <= c < 1 << 63:
        # a big int literal: two's-complement bytes, little-endian
        return {"i": c.to_bytes((c.bit_length() + 8) // 8, "little", signed=True)}
    return c


def program_doc(program: Program, skip=(0, 0, 0)) -> dict:
    """The program as a msgpack-ready map, leaving out the first skip = (codes
    after code 0, constants, globals): the prelude part, when it is referenced."""
    ncodes, nconsts, nglobals = skip
    return {
        "filename": program.filename,
        "source": program.source,
        "consts": [_const_doc(c) for c in program.consts[nconsts:]],
        "globals": list(program.globals[nglobals:]),
        "builtin_slots": [[int(k), v] for k, v in sorted(program.builtin_slots.items())
                          if k >= nglobals],
        "modules": [list(m) for m in program.modules],
        "codes": [_code_doc(co) for co in program.codes[:1] + program.codes[1 + ncodes:]],
    }


# ---------------------------------------------------------------------------
# this Amber's prelude, which snapshots may refer to instead of carrying it
# ---------------------------------------------------------------------------

class Prelude(NamedTuple):
    """The prelude part every program of this Amber starts with."""
    codes: list           # codes[1:1 + len(codes)] of every program
    consts: list          # consts[:len(consts)]
    globals: list         # globals[:len(globals)]
    builtin_slots: dict   # the builtin slots among those globals
    sha256: bytes         # of its encoded form (and the format version)
    verified: dict        # code id -> stack table (validate.verify_code), filled once
    init_steps: int       # instructions its body takes when a program starts


@functools.lru_cache(maxsize=1)
def build_prelude() -> Prelude:
    """This Amber's prelude (compiled once per process, then checked like any
    program from a snapshot, so that a reference to it needs no further checks)."""
    from ..compiler import compile_source
    from ..compiler.codegen import prelude_size
    from .validate import check_program
    ncodes, nconsts, nglobals = prelude_size()
    empty = compile_source("", "<prelude-ref>")
    verified: dict = {}
    check_program(empty, verified=verified)
    doc = program_doc(empty)
    from ..vm import _source_hash
    # the hash names the build: the prelude's code and the interpreter that runs it
    # (a compact snapshot's arrays are relative to what the prelude's body makes)
    digest = hashlib.sha256(msgpack.packb(
        [FORMAT_VERSION, _source_hash(), doc["codes"][1:1 + ncodes], doc["consts"][:nconsts],
         doc["globals"][:nglobals],
         [e for e in doc["builtin_slots"] if e[0] < nglobals]], use_bin_type=True)).digest()
    return Prelude(
        codes=empty.codes[1:1 + ncodes], consts=empty.consts[:nconsts],
        globals=empty.globals[:nglobals],
        builtin_slots={k: v for k, v in empty.builtin_slots.items() if k < nglobals},
        sha256=digest, verified={c: t for c, t in verified.items() if 1 <= c <= ncodes},
        init_steps=_run_length(empty) - 2)


def _run_length(program: Program) -> int:
    """Instructions a fresh VM of the program runs to its end (the empty program:
    the prelude's body, then LOAD_CONST None and RETURN_VALUE)."""
    from ..vm.machine import Machine, Status
    vm = Machine(program, stdout=_Discard(), memory_limit=64 << 20)
    return vm.instructions if vm.run(fuel=1 << 20) is Status.FINISHED else 2


def _starts_with_prelude(program: Program, pre: Prelude) -> bool:
    n, c, g = len(pre.codes), len(pre.consts), len(pre.globals)
    return (program.codes[1:1 + n] == pre.codes and program.consts[:c] == pre.consts
            and program.globals[:g] == pre.globals
            and {k: v for k, v in program.builtin_slots.items() if k < g} == pre.builtin_slots)


def _prelude_ref(pre: Prelude) -> dict:
    return {"sha256": pre.sha256, "codes": len(pre.codes), "consts": len(pre.consts),
            "globals": len(pre.globals)}


# ---------------------------------------------------------------------------
# save
# ---------------------------------------------------------------------------

class _Saved(NamedTuple):
    """What save() keeps per program: its encoded bytes, with the prelude referred
    to (None when the program does not start with this Amber's prelude) and
    self-contained, and the arrays the compact form of each is relative to."""
    compact: bytes | None
    full: bytes
    baselines: dict       # referred (bool) -> baseline arrays, made when first needed


# id(program) -> (weak reference to it, _Saved); Programs compare by value, so
# they are not hashable, and the entry goes when the program does
_saved: dict = {}
_collected: "weakref.WeakKeyDictionary[object, int]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _pack(doc) -> bytes:
    return msgpack.packb(doc, use_bin_type=True)


def _saved_program(program: Program) -> _Saved:
    ref, got = _saved.get(id(program), (None, None))
    if ref is None or ref() is not program:
        small = None
        pre = build_prelude()
        if _refers_to(program, pre):
            doc = program_doc(program, (len(pre.codes), len(pre.consts), len(pre.globals)))
            doc["prelude"] = _prelude_ref(pre)
            small = _pack(doc)
        got = _Saved(small, _pack(program_doc(program)), {})
        with _lock:
            _saved[id(program)] = (weakref.ref(program), got)
        weakref.finalize(program, _saved.pop, id(program), None)
    return got


def _preamble() -> list:
    """The first instructions of every program: call the prelude's body (code 1)."""
    from ..vm import opcodes as O
    return [O.encode(O.BY_NAME["MAKE_FUNCTION"].code, 1), O.encode(O.BY_NAME["CALL"].code, 0),
            O.encode(O.BY_NAME["POP_TOP"].code, 0)]


def _refers_to(program: Program, pre: Prelude) -> bool:
    """Whether the program can be saved with its prelude referred to: it starts
    with this Amber's prelude, called the standard way."""
    return program.codes[0].code[:3] == _preamble() and _starts_with_prelude(program, pre)


def _after_prelude(program: Program) -> State | None:
    """A fresh VM's state once the prelude's body has run (this Amber's prelude,
    so the run is of trusted code and always the same), or None if it does not
    end at the script's first instruction."""
    from ..vm.machine import Machine
    steps = build_prelude().init_steps
    vm = Machine(program, stdout=_Discard(), memory_limit=64 << 20)
    vm.run(fuel=steps)
    F, R = vm.st.F, vm.st.R
    if (vm.error is None and not vm.finished and int(R[L.R_FP]) == 0
            and int(F[0, L.FR_PC]) == 3 and vm.instructions == steps):
        return vm.st
    return None


class _Discard:
    def write(self, text):
        return len(text)


def baseline_arrays(program: Program, referred: bool) -> dict:
    """The live arrays (read-only) that the compact form of each array is relative
    to: a fresh VM's, after the prelude's body ran when the snapshot refers to this
    Amber's prelude (else before anything ran: an embedded prelude is run by
    whatever Amber loads it, so the loader cannot know its result in advance)."""
    from ..vm.loader import load as fresh_state
    st = _after_prelude(program) if referred else fresh_state(program)
    _need(st is not None, "the referenced prelude does not start as this Amber's does")
    R = st.R
    out = {"R": st.R.reshape(-1, 1), "S": st.S[: int(R[L.R_SP])],
           "F": st.F[: int(R[L.R_FP]) + 1], "K": st.K,
           "H": st.H[: int(R[L.R_HTOP])], "V": st.V[: int(R[L.R_VTOP])],
           "CH": st.CH[: int(R[L.R_CTOP])].astype(np.int64).reshape(-1, 1), "G": st.G}
    for name, a in out.items():
        a = np.ascontiguousarray(a, np.int64).copy()
        a.flags.writeable = False
        out[name] = a
    return out


def _flat(base: dict) -> tuple:
    """The baseline as compact.encode_state/decode_state take it: every array's rows
    one after the other, and their row counts (read-only)."""
    flat = _read_only(np.concatenate([base[name].reshape(-1) for name in ARRAYS]))
    return flat, _read_only(np.array([base[name].shape[0] for name in ARRAYS], np.int64))


def _baseline(saved: _Saved, program: Program, referred: bool) -> tuple:
    """(baseline arrays, flat baseline, row counts) of the program, made once."""
    base = saved.baselines.get(referred)
    if base is None:
        arrays = baseline_arrays(program, referred)
        base = saved.baselines[referred] = (arrays,) + _flat(arrays)
    return base


def _live(st: State) -> dict:
    """The part of each array that holds state (the rest is free room)."""
    R = st.R
    return {
        "R": st.R,
        "S": st.S[: int(R[L.R_SP])],
        "F": st.F[: int(R[L.R_FP]) + 1],
        "K": st.K,
        "H": st.H[: int(R[L.R_HTOP])],
        "V": st.V[: int(R[L.R_VTOP])],
        "CH": st.CH[: int(R[L.R_CTOP])],
        "G": st.G,
    }


def _maybe_collect(vm) -> None:
    """Collect garbage before writing a big heap, so that only live objects are
    written; but not again while the heap has not grown by half since the last
    collection here (a heap that is all live would be collected for nothing at
    every save)."""
    R = vm.st.R
    weight = int(R[L.R_VTOP]) + 8 * int(R[L.R_HTOP]) + int(R[L.R_CTOP]) // 2
    if weight <= COLLECT_ABOVE or weight <= _collected.get(vm, 0) * 3 // 2:
        return
    vm.collect()
    R = vm.st.R
    _collected[vm] = int(R[L.R_VTOP]) + 8 * int(R[L.R_HTOP]) + int(R[L.R_CTOP]) // 2


def _compact_arrays(st: State, base: tuple) -> dict:
    """Every array in the compact form: one numba call encodes them all."""
    out, info = compact.encode_state(st.R, st.S, st.F, st.K, st.H, st.V, st.CH, st.G,
                                     base[1], base[2])
    info = info.tolist()
    mv = memoryview(out)
    arrays = {}
    start = 0
    for k, name in enumerate(ARRAYS):
        end = info[8 + k]
        arrays[name] = {"n": info[k], "d": mv[start:end]}
        start = end
    return arrays


def _raw_array(arr: np.ndarray, dtype: str) -> dict:
    a = np.ascontiguousarray(arr, dtype)
    return {"shape": list(a.shape), "data": memoryview(a).cast("B") if a.size else b""}


def save(vm, embed_prelude: bool = False, compact_arrays: bool = True) -> bytes:
    """The VM as snapshot bytes.  Call between run() calls (any instruction boundary).

    embed_prelude: carry the whole program, prelude included, so that any Amber of
    this format version can load it (by default the prelude is named by a hash of
    this Amber's, which only an Amber with the same prelude can load).
    compact_arrays: store each array as the rows that differ from a fresh VM's
    (else the plain live part)."""
    _maybe_collect(vm)
    saved = _saved_program(vm.program)
    referred = saved.compact is not None and not embed_prelude
    if compact_arrays:
        arrays = _compact_arrays(vm.st, _baseline(saved, vm.program, referred))
    else:
        arrays = {name: _raw_array(arr, DTYPES[name]) for name, arr in _live(vm.st).items()}
    body = _pack({
        "amber": AMBER_VERSION,
        "program": saved.compact if referred else saved.full,
        "arrays": arrays,
        "host": {
            "output_written": vm.output_written,
            "memory_limit": vm.memory_limit,
            "output_limit": vm.output_limit,
            "finished": vm.finished,
            "error": None if vm.error is None else [vm.error.type_name, vm.error.message],
        },
    })
    return _pack({"magic": MAGIC, "format": FORMAT_VERSION, "crc32": zlib.crc32(body),
                  "body": body})


def save_file(vm, path, **options) -> None:
    """Write a snapshot atomically: a temporary file, fsync, then rename over path.
    The options are save()'s."""
    data = save(vm, **options)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".amber-snap-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


# ---------------------------------------------------------------------------
# load
# ---------------------------------------------------------------------------

def _unpack(data: bytes) -> dict:
    _need(isinstance(data, (bytes, bytearray, memoryview)), "a snapshot must be bytes")
    try:
        outer = msgpack.unpackb(data, raw=False, strict_map_key=True)
    except Exception as e:
        raise SnapshotError(f"not a snapshot: unreadable msgpack ({type(e).__name__})") from None
    _need(isinstance(outer, dict) and outer.get("magic") == MAGIC,
          "not an Amber snapshot (bad magic)")
    version = outer.get("format")
    _need(isinstance(version, int), "snapshot has no format version")
    if version != FORMAT_VERSION:
        raise SnapshotError(f"snapshot format version {version} is not supported "
                            f"(this Amber reads version {FORMAT_VERSION})")
    body = outer.get("body")
    digest = outer.get("crc32")
    _need(isinstance(body, bytes) and isinstance(digest, int), "snapshot is missing its body")
    _need(zlib.crc32(body) == digest, "snapshot checksum mismatch (corrupted)")
    try:
        doc = msgpack.unpackb(body, raw=False, strict_map_key=True)
    except Exception as e:
        raise SnapshotError(f"snapshot body unreadable ({type(e).__name__})") from None
    _need(isinstance(doc, dict), "snapshot body is not a map")
    return doc


class Loaded(NamedTuple):
    """A checked program and what loading needs of it; shared by every load of the
    same program bytes, so nothing here is ever written to."""
    program: Program
    code: np.ndarray      # CODE (read-only)
    fn: np.ndarray        # FN (read-only)
    mt: np.ndarray        # MT (read-only)
    baseline: dict        # the fresh VM's live arrays (read-only)
    verified: dict        # code id -> stack table (validate.verify_code)
    nbslots: int          # loader.prelude_builtin_slots(program.globals)
    flat: np.ndarray      # the baseline as compact.decode_state takes it
    nbase: np.ndarray     # its arrays' rows
    nbase_list: list      # the same, as a list
    tables: np.ndarray    # checks.program_tables()
    entries: list         # each code object's first instruction (FN_ENTRY), as ints


_programs: "OrderedDict[bytes, Loaded]" = OrderedDict()


def _const(c):
    if isinstance(c, dict) and set(c) == {"f"}:
        _need(isinstance(c["f"], bytes) and len(c["f"]) == 8, "bad float constant")
        return float(np.frombuffer(c["f"], "<f8")[0])
    if isinstance(c, dict) and set(c) == {"t"}:
        return ("tuple", list(c["t"]))
    if isinstance(c, dict) and set(c) == {"i"}:
        _need(isinstance(c["i"], bytes) and 8 < len(c["i"]) <= L.MAX_INT_BITS // 8 + 1,
              "bad big int constant")
        return int.from_bytes(c["i"], "little", signed=True)
    return c


def _code(c) -> CodeObject:
    _need(isinstance(c["code"], bytes) and len(c["code"]) % 4 == 0, "bad code bytes")
    _need(isinstance(c["lines"], bytes) and len(c["lines"]) == len(c["code"]),
          "bad line table")
    return CodeObject(
        name=c["name"], filename=c["filename"],
        code=np.frombuffer(c["code"], "<i4").astype(np.int64).tolist(),
        lines=np.frombuffer(c["lines"], "<i4").astype(np.int64).tolist(),
        nparams=c["nparams"], nlocals=c["nlocals"], nfree=c["nfree"],
        ndefaults=c["ndefaults"], stacksize=c["stacksize"],
        local_names=list(c["local_names"]), first_line=c["first_line"],
        qualname=c["qualname"], paramnames_const=c["paramnames_const"],
        module=c["module"], handlers=[list(h) for h in c["handlers"]],
        nposonly=c["nposonly"], nkwonly=c["nkwonly"], flags=c["flags"],
        nkwdefaults=c["nkwdefaults"], kwdefmap_const=c["kwdefmap_const"])


def _referenced_prelude(ref) -> Prelude:
    _need(isinstance(ref, dict) and isinstance(ref.get("sha256"), bytes),
          "malformed prelude reference")
    pre = build_prelude()
    if ref["sha256"] != pre.sha256:
        raise SnapshotError(
            f"snapshot refers to Amber prelude {ref['sha256'].hex()[:16]}, which this Amber "
            f"does not have (it has {pre.sha256.hex()[:16]}); save with embed_prelude=True "
            "to move snapshots between Amber builds")
    _need(ref == _prelude_ref(pre), "malformed prelude reference")
    return pre


def _decode_program(p) -> tuple[Program, Prelude | None]:
    """The Program a program document describes (types checked, nothing else)."""
    _need(isinstance(p, dict), "malformed program in snapshot (not a map)")
    pre = _referenced_prelude(p["prelude"]) if "prelude" in p else None
    try:
        consts = [_const(c) for c in p["consts"]]
        codes = [_code(c) for c in p["codes"]]
        globals_ = list(p["globals"])
        slots = {k: v for k, v in p["builtin_slots"]}
        if pre is not None:
            _need(codes, "bad code object list")
            _need(all(isinstance(k, int) and k >= len(pre.globals) for k in slots),
                  "bad builtin slot")
            _need(codes[0].code[:3] == _preamble(), "the program does not start its prelude")
            codes = codes[:1] + list(pre.codes) + codes[1:]
            consts = list(pre.consts) + consts
            globals_ = list(pre.globals) + globals_
            slots = {**pre.builtin_slots, **slots}
        program = Program(filename=p["filename"], source=p["source"], codes=codes,
                          consts=consts, globals=globals_, builtin_slots=slots,
                          modules=p.get("modules", []))
    except SnapshotError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SnapshotError(f"malformed program in snapshot ({type(e).__name__}: {e})") from None
    return program, pre


def _read_only(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


def loaded_program(blob) -> Loaded:
    """The checked program of a snapshot's program bytes (cached by their SHA-256)."""
    from .validate import check_program
    _need(isinstance(blob, bytes), "malformed program in snapshot (not bytes)")
    key = hashlib.sha256(blob).digest()
    with _lock:
        hit = _programs.get(key)
        if hit is not None:
            _programs.move_to_end(key)
            return hit
    try:
        doc = msgpack.unpackb(blob, raw=False, strict_map_key=True)
    except Exception as e:
        raise SnapshotError(f"snapshot program unreadable ({type(e).__name__})") from None
    program, pre = _decode_program(doc)
    verified = dict(pre.verified) if pre is not None else {}
    check_program(program, trusted=len(pre.codes) if pre is not None else 0,
                  verified=verified)
    code, fn = link_code(program.codes)
    base = baseline_arrays(program, pre is not None)
    tables = _read_only(checks.program_tables(program, fn, verified))
    entry = Loaded(program, _read_only(code), _read_only(fn),
                   _read_only(method_table(program.consts)), base, verified,
                   prelude_builtin_slots(program.globals), *_flat(base),
                   [base[name].shape[0] for name in ARRAYS], tables,
                   [int(x) for x in fn[:, L.FN_ENTRY]])
    with _lock:
        _programs[key] = entry
        while len(_programs) > PROGRAM_CACHE_SIZE:
            _programs.popitem(last=False)
    return entry


def clear_program_cache() -> None:
    """Forget the programs load() has decoded (the next load decodes afresh)."""
    with _lock:
        _programs.clear()


def _rows(shape, name: str) -> int:
    _need(isinstance(shape, int) and not isinstance(shape, bool) and 0 <= shape < MAX_ROWS,
          f"bad shape for {name}")
    return shape


def _raw_entry(name: str, entry: dict) -> np.ndarray:
    shape = entry["shape"]
    data = entry["data"]
    _need(isinstance(shape, list) and all(isinstance(x, int) and 0 <= x < MAX_ROWS
                                          for x in shape), f"bad shape for {name}")
    _need(isinstance(data, bytes), f"bad data for {name}")
    dt = np.dtype(DTYPES[name])
    _need(int(np.prod(shape, dtype=object)) * dt.itemsize == len(data),
          f"array {name}: {len(data)} bytes do not match shape {shape}")
    if name == "R":
        _need(len(shape) == 1, "bad register file")
    elif name == "CH":
        _need(len(shape) == 1, "array CH has the wrong shape")
    else:
        _need(len(shape) == 2 and shape[1] == COLS[name], f"array {name} has the wrong shape")
    return np.frombuffer(data, dt).reshape(shape)


# room given to each of R S F K H V CH G: rows past the live ones (S, F), or at least
# as many rows as a fresh VM's (H, V, CH); R, K and G have fixed sizes
_ROOM_AFTER = (0, 1024, 63, 0, 0, 0, 0, 0)
_ROOM_MIN = (0, 0, 0, 0, 1024, 4096, 8192, 0)
_FIXED = (True, False, False, True, False, False, False, True)
_COLS = tuple(COLS[name] for name in ARRAYS)


def _malformed(name: str, e) -> SnapshotError:
    """The error of a compact array entry e that _entries() refused."""
    if len(e) != 2 or "n" not in e:
        return SnapshotError(f"malformed array {name}")
    n = e["n"]
    if type(n) is not int or not 0 <= n < MAX_ROWS:
        return SnapshotError(f"bad shape for {name}")
    if type(e["d"]) is not bytes:
        return SnapshotError(f"bad data for {name}")
    return SnapshotError(f"array {name}: {n} rows do not match its data")


def _entries(doc, entry: Loaded) -> tuple:
    """The arrays of a snapshot body, before decoding: (their compact streams one
    after the other, the layout compact.decode_state takes (each array's span in
    them, [-1, -1] when stored plain, then the rows of each), those rows as a list,
    k -> the decoded plain arrays)."""
    nbase = entry.nbase_list
    spans = []
    rows = []
    streams = []
    plain = {}
    pos = 0
    try:
        raw = doc["arrays"]
        if not (type(raw) is dict and len(raw) == len(ARRAYS) and raw.keys() == _ARRAY_SET):
            raise SnapshotError("snapshot arrays are incomplete")
        for k, name in enumerate(ARRAYS):
            e = raw[name]
            if type(e) is not dict:
                raise SnapshotError(f"malformed array {name}")
            buf = e.get("d", _ABSENT)
            if buf is not _ABSENT:
                n = e.get("n")
                # every row past the baseline is stored (at least one byte a value),
                # which bounds what a short stream can make us allocate
                if not (type(n) is int and type(buf) is bytes and len(e) == 2 and 0 <= n
                        and n <= nbase[k] + len(buf) // _COLS[k]):
                    raise _malformed(name, e)
                end = pos + len(buf)
                spans += (pos, end)
                pos = end
                streams.append(buf)
            else:
                plain[k] = _raw_entry(name, e)
                n = plain[k].shape[0]
                spans += (-1, -1)
            rows.append(n)
    except SnapshotError:
        raise
    except (KeyError, TypeError, ValueError) as e:
        raise SnapshotError(f"malformed arrays in snapshot ({type(e).__name__})") from None
    program = entry.program
    _need(rows[0] == L.NREGS, "bad register file")
    _need(rows[3] == max(len(program.consts), 1), "constant array does not match the program")
    _need(rows[7] == 2 * max(len(program.globals), 1), "global array does not match the program")
    buf = streams[0] if len(streams) == 1 else b"".join(streams)
    return np.frombuffer(buf, np.uint8), np.array(spans + rows, np.int64), rows, plain


_ARRAY_SET = frozenset(ARRAYS)
_ABSENT = object()


def _allocate(rows, plain: dict) -> list:
    """Arrays for R S F K H V CH G with room to run again after their live rows (at
    least twice the live size, never less than a fresh VM's; none for R, K and G,
    whose sizes are fixed), the plain ones filled in.  They are not zeroed here:
    the decoder writes every live row and checks.load_state zeroes the room (one
    pass over memory instead of two)."""
    out = []
    empty = np.empty
    for k, n in enumerate(rows):
        size = n if _FIXED[k] else max(n + _ROOM_AFTER[k], _ROOM_MIN[k], 2 * n, 16)
        if k == 0:
            a = empty(size, np.int64)
        elif k == 6:
            a = empty(size, np.int32)
        else:
            a = empty((size, _COLS[k]), np.int64)
        out.append(a)
    for k, a in plain.items():
        a_out = out[k]
        a_out[:rows[k]] = a
    return out


def live_arrays(doc: dict, entry: Loaded) -> dict:
    """name -> the live part of each array of a snapshot body, decoded (unchecked)."""
    buf, layout, rows, plain = _entries(doc, entry)
    arrays = _allocate(rows, plain)     # (only the live rows are returned)
    err, k = compact.decode_state(buf, layout, entry.flat, entry.nbase, *arrays)
    _need(err == compact.OK, f"array {ARRAYS[k]}: {compact.DECODE_ERRORS.get(err, 'malformed')}")
    return {name: a[: int(n)] for name, a, n in zip(ARRAYS, arrays, rows)}


def load(data: bytes, stdout=None, recursion_limit: int | None = None,
         memory_limit: int | None = None, output_limit: int | None = None):
    """A VM from snapshot bytes, ready to run() from where the snapshot was taken.

    The restoring host's limits, when given, cap those recorded in the snapshot.
    Raises SnapshotError (one line) for anything truncated, corrupted or unsound."""
    doc = _unpack(data)
    entry = loaded_program(doc.get("program"))
    program = entry.program
    buf, layout, rows, plain = _entries(doc, entry)
    host = doc.get("host")
    _need(isinstance(host, dict), "snapshot has no host section")
    st = validate.check_state(entry, _allocate(rows, plain), buf, layout)
    try:
        mem = int(host["memory_limit"])
        out = int(host["output_limit"])
        vm = Machine(program, stdout=stdout, state=st, code_entries=entry.entries,
                     memory_limit=mem if memory_limit is None else min(mem, memory_limit),
                     output_limit=out if output_limit is None else min(out, output_limit))
        vm.output_written = int(host["output_written"])
        vm.finished = bool(host["finished"])
        err = host["error"]
    except (KeyError, TypeError, ValueError) as e:
        raise SnapshotError(f"malformed host section ({type(e).__name__})") from None
    if recursion_limit is not None:
        vm.st.R[L.R_FRAMES_MAX] = recursion_limit
    if err is not None:
        _need(isinstance(err, list) and len(err) == 2 and all(isinstance(x, str) for x in err),
              "malformed error record")
        vm._fail(err[0], err[1])
    return vm


def load_file(path, **kw):
    """load() the snapshot stored in a file."""
    with open(path, "rb") as f:
        return load(f.read(), **kw)


from . import validate  # noqa: E402  (it imports SnapshotError from here)
