"""Snapshot format v3: save a paused VM to msgpack bytes and load it back.

The document (docs/snapshot-format.md) is an outer msgpack map with a magic string,
the format version and a CRC-32 of the body (it detects corruption; hostile
snapshots are caught by validation, which a checksum could not do anyway); the body is a msgpack map holding the
program (so the target needs no source), the live part of every state array as
little-endian bytes with dtype and shape, and the host-side scalars.  load() checks
everything (validate.py) before the interpreter can see it.
"""

from __future__ import annotations

import os
import tempfile
import zlib

import msgpack
import numpy as np

from ..compiler.program import CodeObject, Program
from ..vm import layout as L
from ..vm.loader import link_code, method_table
from ..vm.state import State

MAGIC = "AMBER-SNAPSHOT"
FORMAT_VERSION = 3
AMBER_VERSION = "0.1.0"

COLLECT_ABOVE = 1 << 16   # state rows beyond which save() collects garbage first

# The state arrays a snapshot carries (CODE, FN and MT are rebuilt from the program).
ARRAYS = ("R", "S", "F", "K", "H", "V", "CH", "G")
DTYPES = {"R": "<i8", "S": "<i8", "F": "<i8", "K": "<i8", "H": "<i8", "V": "<i8",
          "CH": "<i4", "G": "<i8"}


class SnapshotError(Exception):
    """The bytes are not a sound Amber snapshot; the message says why, in one line."""


# ---------------------------------------------------------------------------
# save
# ---------------------------------------------------------------------------

def _program_doc(program: Program) -> dict:
    return {
        "filename": program.filename,
        "source": program.source,
        "consts": [_const_doc(c) for c in program.consts],
        "globals": list(program.globals),
        "builtin_slots": [[int(k), v] for k, v in sorted(program.builtin_slots.items())],
        "modules": [list(m) for m in program.modules],
        "codes": [{
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
        } for co in program.codes],
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


def save(vm) -> bytes:
    """The VM as snapshot bytes.  Call between run() calls (any instruction boundary).

    A big heap is collected first, so that only live objects are written (a small
    one is cheaper to write as it is)."""
    R = vm.st.R
    if int(R[L.R_VTOP]) + 8 * int(R[L.R_HTOP]) + int(R[L.R_CTOP]) // 2 > COLLECT_ABOVE:
        vm.collect()
    arrays = {}
    for name, arr in _live(vm.st).items():
        a = np.ascontiguousarray(arr, DTYPES[name])
        data = memoryview(a).cast("B") if a.size else b""   # no copy before packing
        arrays[name] = {"shape": list(a.shape), "data": data}
    body = msgpack.packb({
        "amber": AMBER_VERSION,
        "program": _program_doc(vm.program),
        "arrays": arrays,
        "host": {
            "output_written": vm.output_written,
            "memory_limit": vm.memory_limit,
            "output_limit": vm.output_limit,
            "finished": vm.finished,
            "error": None if vm.error is None else [vm.error.type_name, vm.error.message],
        },
    }, use_bin_type=True)
    return msgpack.packb({"magic": MAGIC, "format": FORMAT_VERSION,
                          "crc32": zlib.crc32(body), "body": body}, use_bin_type=True)


def save_file(vm, path) -> None:
    """Write a snapshot atomically: a temporary file, fsync, then rename over path."""
    data = save(vm)
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

def _need(cond, why: str):
    if not cond:
        raise SnapshotError(why)


def _unpack(data: bytes) -> dict:
    _need(isinstance(data, (bytes, bytearray, memoryview)), "a snapshot must be bytes")
    try:
        outer = msgpack.unpackb(bytes(data), raw=False, strict_map_key=True)
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


def _program(doc) -> Program:
    from .validate import check_program
    try:
        p = doc["program"]
        consts = []
        for c in p["consts"]:
            if isinstance(c, dict) and set(c) == {"f"}:
                _need(isinstance(c["f"], bytes) and len(c["f"]) == 8, "bad float constant")
                consts.append(float(np.frombuffer(c["f"], "<f8")[0]))
            elif isinstance(c, dict) and set(c) == {"t"}:
                consts.append(("tuple", list(c["t"])))
            elif isinstance(c, dict) and set(c) == {"i"}:
                _need(isinstance(c["i"], bytes) and 8 < len(c["i"]) <= L.MAX_INT_BITS // 8 + 1,
                      "bad big int constant")
                consts.append(int.from_bytes(c["i"], "little", signed=True))
            else:
                consts.append(c)
        codes = []
        for c in p["codes"]:
            _need(isinstance(c["code"], bytes) and len(c["code"]) % 4 == 0, "bad code bytes")
            _need(isinstance(c["lines"], bytes) and len(c["lines"]) == len(c["code"]),
                  "bad line table")
            codes.append(CodeObject(
                name=c["name"], filename=c["filename"],
                code=np.frombuffer(c["code"], "<i4").astype(np.int64).tolist(),
                lines=np.frombuffer(c["lines"], "<i4").astype(np.int64).tolist(),
                nparams=c["nparams"], nlocals=c["nlocals"], nfree=c["nfree"],
                ndefaults=c["ndefaults"], stacksize=c["stacksize"],
                local_names=list(c["local_names"]), first_line=c["first_line"],
                qualname=c["qualname"], paramnames_const=c["paramnames_const"],
                module=c["module"], handlers=[list(h) for h in c["handlers"]],
                nposonly=c["nposonly"], nkwonly=c["nkwonly"], flags=c["flags"],
                nkwdefaults=c["nkwdefaults"], kwdefmap_const=c["kwdefmap_const"]))
        program = Program(filename=p["filename"], source=p["source"], codes=codes,
                          consts=consts, globals=list(p["globals"]),
                          builtin_slots={k: v for k, v in p["builtin_slots"]},
                          modules=p.get("modules", []))
    except SnapshotError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SnapshotError(f"malformed program in snapshot ({type(e).__name__}: {e})") from None
    check_program(program)
    return program


def _arrays(doc) -> dict:
    try:
        raw = doc["arrays"]
        _need(isinstance(raw, dict) and set(raw) == set(ARRAYS), "snapshot arrays are incomplete")
        out = {}
        for name in ARRAYS:
            entry = raw[name]
            shape = entry["shape"]
            data = entry["data"]
            _need(isinstance(shape, list) and all(isinstance(x, int) and 0 <= x < 1 << 40
                                                  for x in shape), f"bad shape for {name}")
            _need(isinstance(data, bytes), f"bad data for {name}")
            dt = np.dtype(DTYPES[name])
            _need(int(np.prod(shape, dtype=object)) * dt.itemsize == len(data),
                  f"array {name}: {len(data)} bytes do not match shape {shape}")
            # copy: frombuffer gives a read-only view, and numba needs native order
            out[name] = np.frombuffer(data, dt).reshape(shape).astype(dt.newbyteorder("="))
    except SnapshotError:
        raise
    except (KeyError, TypeError, ValueError) as e:
        raise SnapshotError(f"malformed arrays in snapshot ({type(e).__name__})") from None
    return out


def load(data: bytes, stdout=None, recursion_limit: int | None = None,
         memory_limit: int | None = None, output_limit: int | None = None):
    """A VM from snapshot bytes, ready to run() from where the snapshot was taken.

    The restoring host's limits, when given, cap those recorded in the snapshot.
    Raises SnapshotError (one line) for anything truncated, corrupted or unsound."""
    from ..vm.machine import Machine, ScriptError
    from .validate import check_state
    doc = _unpack(data)
    program = _program(doc)
    arrays = _arrays(doc)
    host = doc.get("host")
    _need(isinstance(host, dict), "snapshot has no host section")
    code, fn = link_code(program.codes)
    st = check_state(program, arrays, code, fn, method_table(program.consts))
    try:
        mem = int(host["memory_limit"])
        out = int(host["output_limit"])
        vm = Machine(program, stdout=stdout, state=st,
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
