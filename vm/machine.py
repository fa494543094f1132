"""The host side of a VM: drive the numba loop and answer its statuses.

Machine.run() calls interp.run() until the program finishes, fails, or uses its fuel.
In between it services what the loop hands out: host services (printing, text
conversion, rare builtins), memory (collect, then grow), and errors (build the
exception and the traceback).  Every service runs at an instruction boundary and
completes the instruction atomically, so the VM state is always resumable.
"""

from __future__ import annotations

import builtins as py_builtins
import enum
import io
import math
import mmap
import keyword
import operator
import sys

import numpy as np

from . import layout as L
from . import opcodes as O
from . import arith, fastpath, heap, interp, natives, objects, seq, sets, modfns, rng
from ..stdlib import modules as stdmod
from .builtins import AMBER_MODULES
from .builtins import INTERNAL, METHOD_ID, TYPE_TAG, VALUE_BASES
from .builtins import (BUILTINS, BUILTIN_ID, EXC_PARENT_ID, METHODS, MODULES, TAG_NAME, PRELUDE_ONLY,
                       is_exception_type)
from .hostvalues import (NeedsUserCode, class_module, plain_subclass, str_of, BuiltinRef, EncodeError, IntTooLarge, MAX_INT_BITS, Raw, decode,
                         encode, int_too_large_message, needs)
from .jit import native_address
from .loader import load
from .state import grown, pointers

UNLIMITED = 1 << 62


# interp.run through its compiled entry point: the dispatcher's type resolution
# costs a few hundred ns a call (with the 22-int pointer tuple it passed before,
# 0.9 us of the 1.4 us a fuel slice cost the host)
_RUN = [None]


# The two words the loop finds the machine-code addresses of interp.cold_a and
# cold_b in (through the word after the pointer tuple: see Machine.p); filled by
# _run_entry before any run, the same for every VM of the process.
_COLD_CELLS = np.zeros(2, np.int64)


def _run_entry():
    """The callable that runs the interpreter: interp.run's entry point once the
    dispatcher has its one compiled version, interp.run itself until then.  The loop
    is compiled (or loaded) first, then interp.cold_a and cold_b, which the loop
    calls through _COLD_CELLS: on a cold cache the loop's compile starts the second
    compile process, which compiles those two meanwhile (vm/precompile.py)."""
    interp.run._compile_declared()
    _COLD_CELLS[0] = native_address(interp.cold_a)
    _COLD_CELLS[1] = native_address(interp.cold_b)
    try:
        overloads = list(interp.run.overloads.values())
        if len(overloads) == 1:
            _RUN[0] = overloads[0].entry_point
            return _RUN[0]
    except AttributeError:      # another numba: the dispatcher is always right
        pass
    return interp.run


class Status(enum.Enum):
    """What vm.run() stopped on."""

    FINISHED = "finished"   # the module body returned
    PAUSED = "paused"       # the fuel given to run() is used up; run() again to go on
    ERROR = "error"         # an uncaught exception; see vm.error


GC_SPACING = 50_000     # instructions: collections closer than this grow the heap
GC_FLOOR = 1 << 16      # ... up to this many int64 words per arena (512 KB)
# An arena (H, V, CH) that grows to this many bytes or more moves into a reservation of
# address space (Machine._grow_reserved) of up to the memory limit (at most RESERVE_MAX)
RESERVE_ABOVE = 1 << 22
RESERVE_MAX = 1 << 36
# anonymous, private, no swap reserved for it (Linux: MAP_NORESERVE = 0x4000; the
# pages are made when first touched, so a reservation costs address space only)
_CAN_RESERVE = sys.platform.startswith("linux") and hasattr(mmap, "MAP_ANONYMOUS")
_MAP_FLAGS = (mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | 0x4000) if _CAN_RESERVE else 0
# No MADV_HUGEPAGE on the reservations: with this kernel's THP mode (`madvise`) each
# fresh process then zeroes whole 2 MB pages at first touch, which costs more system
# time than the fewer page faults and TLB misses save.  Fresh processes, warm cache,
# CPU user+sys, means of 4 alternating runs: binary_trees 0.847 s with, 0.746 s
# without; binary_trees_class 1.227 / 1.005 s; dict_strings 0.993 / 0.757 s.


# The collector's scratch (heap.collect): one buffer for every VM of the process (a
# collection holds the GIL), kept between collections.  Arrays made per collection
# were fresh pages the system faulted in and zeroed every time (about 15,000 page
# faults, 15-20 ms, in a run of binary_trees); the buffer's pages are faulted in
# once, as far as the collections use them.  Before a collection it is grown (plus
# half) to what the collection may use (heap.gc_scratch_words: a byte per H row and
# 19 words per allocated row): mostly address space, as only the rows that turn
# out live use it.  (Grown to what the last collection used, it was short at
# every collection of a growing heap, which then made its own arrays: dict_strings
# 56,500 -> 51,300 page faults.)
_GC_SCRATCH = [np.empty(0, np.int64)]


def _gc_scratch(words: int) -> np.ndarray:
    buf = _GC_SCRATCH[0]
    if buf.shape[0] < words:
        try:
            buf = _GC_SCRATCH[0] = np.empty(words + words // 2, np.int64)
        except MemoryError:     # no address space for it: collect makes its own arrays
            pass
    return buf


_R_FUEL = L.R_FUEL
_ST_FUEL = L.ST_FUEL
_PAUSED = Status.PAUSED


class ScriptError(Exception):
    """An uncaught exception in a script: its type name, message and traceback text.

    exit_code is None, except for a SystemExit (or a subclass): then it is the exit
    status CPython would give (0 for SystemExit() and SystemExit(None), n for
    SystemExit(n), else 1), and exit_message is what CPython prints to stderr before
    exiting (the message of SystemExit("text"); None for a status)."""

    def __init__(self, type_name: str, message: str, frames: list, traceback: str,
                 exit_code=None):
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name = type_name
        self.message = message
        self.frames = frames          # [(filename, line, function)], outermost first
        self.traceback = traceback    # CPython-style text, ending with a newline
        self.exit_code = exit_code
        self.exit_message = None


class VMLimitError(Exception):
    """Raised inside the host when a script exceeds a limit (turned into a script error)."""


class _ScriptException(Exception):
    """A Python-level exception to be reported as the script's own."""

    def __init__(self, type_name: str, message: str, args=None):
        super().__init__(message)
        self.type_name = type_name
        self.message = message
        self.args_ = args       # the exception's args (Raw values) when not [message]


class Machine:
    """One running script.

    program: a compiled Program.  stdout: where print() writes (any object with
    .write(str)); memory_limit: bytes of VM arrays the script may use;
    recursion_limit: maximum call depth; output_limit: characters print() may write.
    """

    def __init__(self, program, stdout=None, memory_limit: int = 512 << 20,
                 recursion_limit: int = 1000, output_limit: int = 1 << 30, state=None,
                 random_seed: int | None = None, code_entries: list | None = None):
        self.program = program
        self.stdout = stdout if stdout is not None else sys.stdout
        self.memory_limit = memory_limit
        self.output_limit = output_limit
        self.output_written = 0
        if state is None:       # a fresh start; snapshots pass their restored state
            state = load(program)
            state.R[L.R_FRAMES_MAX] = recursion_limit
            if random_seed is not None:     # the host's choice; else random.seed(0)'s state
                seed = operator.index(random_seed)
                if not -(1 << 63) <= seed < 1 << 63:
                    raise ValueError("random_seed must fit in 64 bits (a signed int64)")
                state.R[L.R_RNG_SEED] = seed
        self.st = state
        self.error: ScriptError | None = None
        self.finished = False
        self._pins: list = []       # values the host holds during a service (GC roots)
        self._ex_call = None        # (top, n, kwnames, method) while CALL_EX calls a builtin
        self._p_state = None
        self._p = ()
        self._last_gc = -GC_SPACING  # R_COUNT at the last collection (growth policy only)
        self._reserved: dict = {}   # arena name -> (mmap, address): _grow_reserved
        self._pending = (0, 0, 0)   # objects, values, chars being made room for (ensure)
        self._gc_bases = (0, 0)     # V and CH tops after the last collection (collect)
        self._gc_full = True        # whether the last collection compacted everything
        # each code object's first instruction (FN_ENTRY as ints); snapshot.load passes
        # the list it keeps with the cached program (making it costs microseconds)
        self._entry = (code_entries if code_entries is not None
                       else [int(x) for x in self.st.FN[:, L.FN_ENTRY]])

    # ---- public --------------------------------------------------------------

    @property
    def p(self) -> tuple:
        """The pointer tuple numba code reads the state through (rebuilt when an array
        is replaced: building it costs microseconds, so it is cached)."""
        if self._p_state is not self.st:
            self._p = pointers(self.st)
            self._p_state = self.st
            # interp.run reads the tuple from an array (one int argument to unbox)
            self._pa = np.array(self._p + (_COLD_CELLS.ctypes.data,), np.int64)
            self._pa_at = self._pa.ctypes.data
        return self._p

    @property
    def instructions(self) -> int:
        """Instructions executed so far (deterministic)."""
        return int(self.st.R[L.R_COUNT])

    def run(self, fuel: int | None = None) -> Status:
        """Run until the script finishes or fails, or `fuel` instructions have run."""
        if self.error is not None:
            return Status.ERROR
        if self.finished:
            return Status.FINISHED
        self.st.R[_R_FUEL] = UNLIMITED if fuel is None else max(0, int(fuel))
        while True:
            if self._p_state is not self.st:
                self.p      # rebuilds the pointers after an array was replaced
            status = (_RUN[0] or _run_entry())(self._pa_at)
            if status == _ST_FUEL:      # first: the one a host slicing time meets most
                return _PAUSED
            if status == L.ST_SERVICE:
                self._service()
            elif status == L.ST_NEED_MEMORY:
                try:
                    self._make_room()
                except _ScriptException as e:
                    self._fail(e.type_name, e.message)
                    if self.error is not None:
                        return Status.ERROR
            elif status == L.ST_FINISHED:
                self.finished = True
                return Status.FINISHED
            elif status == L.ST_FUEL:
                return Status.PAUSED
            elif status == L.ST_RAISE:
                if not self._raise_from_vm():
                    return Status.ERROR
            else:
                raise RuntimeError(f"interpreter returned unknown status {status}")
            if self.error is not None:
                return Status.ERROR
            if self.st.R[L.R_FUEL] <= 0 and status != L.ST_NEED_MEMORY:
                return Status.PAUSED

    # ---- memory --------------------------------------------------------------

    def _bytes_used(self) -> int:
        return sum(a.nbytes for a in (self.st.S, self.st.F, self.st.H, self.st.V, self.st.CH))

    def _make_room(self):
        """Answer ST_NEED_MEMORY: collect, then grow what is still short."""
        st = self.st
        need = int(st.R[L.R_NEED])
        n = int(st.R[L.R_NEED_N])
        if need == L.NEED_STACK:
            self._grow("S", n)
        elif need == L.NEED_FRAMES:
            self._grow("F", n)
        else:
            self.ensure(n if need == L.NEED_OBJECTS else 0,
                        n if need == L.NEED_VALUES else 0,
                        n if need == L.NEED_CHARS else 0)

    def ensure(self, objs: int, vals: int, chars: int):
        """Make sure the next allocations of this size succeed (collect / grow)."""
        if heap.reserve(self.p, objs, vals, chars):
            return
        st = self.st
        R = st.R
        # a collection has a fixed cost of tens of microseconds besides the live heap:
        # if the last one was less than GC_SPACING instructions ago, an arena that ran
        # out and is still below its GC_FLOOR size doubles rather than fill up again at
        # once (so VMs that allocate little stay small)
        short_h = (objs > st.H.shape[0] - R[L.R_HTOP] + R[L.R_HLIVE]
                   and st.H.shape[0] < GC_FLOOR // 8)
        short_v = R[L.R_VTOP] + vals > st.V.shape[0] and st.V.shape[0] < GC_FLOOR // 2
        short_c = R[L.R_CTOP] + chars > st.CH.shape[0] and st.CH.shape[0] < GC_FLOOR * 2
        if int(R[L.R_COUNT]) - self._last_gc >= GC_SPACING:
            short_h = short_v = short_c = False
        self._last_gc = int(R[L.R_COUNT])
        self.collect(full=False)
        self._pending = (objs, vals, chars)
        try:
            self._grow_after_collect(objs, vals, chars, short_h, short_v, short_c)
        except _ScriptException:
            if self._gc_full:
                raise
            # out of memory after a collection that left dead rows below its bases:
            # compact everything before giving up
            self.collect()
            self._grow_after_collect(objs, vals, chars, short_h, short_v, short_c)
        finally:
            self._pending = (0, 0, 0)

    def _grow_after_collect(self, objs, vals, chars, short_h, short_v, short_c):
        st = self.st
        R = st.R
        # after a collection each arena is at most a third full (a collection costs
        # the live heap, so it should free at least twice as much as stays live:
        # binary_trees_class went from 28 collections to 15); growing for that
        # reason alone is skipped where the memory limit forbids it.  An arena that
        # grows is made three times what is then live (not just doubled), so a heap
        # that keeps growing is not collected again at every doubling
        free_objs = st.H.shape[0] - R[L.R_HTOP] + R[L.R_HLIVE]
        live = st.H.shape[0] - free_objs + objs
        if objs > free_objs or 3 * live > st.H.shape[0] or short_h:
            self._grow("H", st.H.shape[0] + objs, objs > free_objs, 3 * live)
        top = int(R[L.R_VTOP]) + vals
        if top > st.V.shape[0] or 3 * top > st.V.shape[0] or short_v:
            self._grow("V", top, top > st.V.shape[0], 3 * top)
        top = int(R[L.R_CTOP]) + chars
        if top > st.CH.shape[0] or 3 * top > st.CH.shape[0] or short_c:
            self._grow("CH", top, top > st.CH.shape[0], 3 * top)

    def collect(self, full: bool = True):
        """Run the garbage collector now (in place: the arrays stay, regions move).

        full=False (the collections that answer memory requests) leaves what the
        previous collection compacted where it is, unless much of it died
        (heap.collect); a full one compacts everything (vm.collect(), snapshots)."""
        pins = np.array([(r.tag, r.val) for r in self._pins], np.int64).reshape(-1, 2)
        vbase, cbase = (0, 0) if full else self._gc_bases
        n = int(self.st.R[L.R_HTOP])
        scratch = _gc_scratch(((n + 7) >> 3) + 19 * (n - int(self.st.R[L.R_HLIVE])))
        vtop, ctop, words = heap.collect(self.p, pins.ctypes.data, pins.shape[0], vbase,
                                         cbase, scratch.ctypes.data, scratch.shape[0])
        self._gc_bases = (vtop, ctop)
        _gc_scratch(words)      # (when the first could not be had)
        self._gc_full = full or self._gc_bases == (0, 0)

    def _grow(self, field: str, rows: int, required: bool = True, want: int = 0):
        """Grow an arena to at least `rows` rows: to `want` rows or double if the
        memory limit allows, else to just `rows`."""
        arr = getattr(self.st, field)
        row_bytes = arr.nbytes // max(arr.shape[0], 1)
        other = self._bytes_used() - arr.nbytes
        # where doubling overshoots the limit, halfway to it, then the exact need (a
        # heap that grows towards its limit is then collected a few times, not at
        # every allocation: a list-of-lists bomb took 354 collections to fail)
        halfway = (arr.shape[0] + (self.memory_limit - other) // max(row_bytes, 1)) // 2
        for new_rows in (max(rows, want, 2 * arr.shape[0]), max(rows, 2 * arr.shape[0]),
                         max(rows, halfway), rows):
            if other + new_rows * row_bytes <= self.memory_limit:
                break
        else:
            if not required:
                return
            # the budget may be held by another arena's unused rows (a growth that
            # was not needed, made while that arena was full): give those back, then
            # take the halfway step or the exact need
            if self._release_slack(field):
                self._grow(field, rows, required)
                return
            if field == "S" or field == "F":
                raise _ScriptException("RecursionError", "maximum recursion depth exceeded")
            raise _ScriptException("MemoryError", "")
        # only rows below the arena's top are in use (the rest are zero): copying
        # just those leaves the new pages untouched until they are allocated
        top = {"H": L.R_HTOP, "V": L.R_VTOP, "CH": L.R_CTOP}.get(field)
        live = arr.shape[0] if top is None else min(int(self.st.R[top]), arr.shape[0])
        new = None
        if top is not None and new_rows * row_bytes >= RESERVE_ABOVE:
            new = self._grow_reserved(field, arr, new_rows, live)
        if new is None:
            new = grown(arr, new_rows, exact=True, live=live)
        self.st = self.st._replace(**{field: new})

    def _release_slack(self, field: str) -> bool:
        """Shrink the heap arenas other than `field` to the rows in use plus the
        pending request (self._pending) and an eighth; True if any shrank.  Without this the
        memory limit was not monotonic: with a list of 150,000 tuples built, dropped
        and built again, 28 MB and 32 MB raised MemoryError where 24 MB finished,
        because H had grown to three times its live rows while V was short."""
        R = self.st.R
        objs, vals, chars = self._pending
        need = {"H": int(R[L.R_HTOP]) + max(0, objs - int(R[L.R_HLIVE])),
                "V": int(R[L.R_VTOP]) + vals,
                "CH": int(R[L.R_CTOP]) + chars}
        shrank = False
        for name, rows in need.items():
            # an eighth over the need is kept, so that arenas near the limit do not
            # trade single rows back and forth with a collection at every allocation
            rows += rows // 8 + 64
            arr = getattr(self.st, name)
            if name == field or rows >= arr.shape[0]:
                continue
            self.st = self.st._replace(**{name: self._shrunk(name, arr, rows)})
            shrank = True
        return shrank

    def _shrunk(self, field: str, arr: np.ndarray, rows: int) -> np.ndarray:
        """arr cut to its first `rows` rows (all in use rows lie below).  A reserved
        arena becomes a shorter view of its mapping whose cut-off pages are handed
        back to the system (they read as zeros when grown into again); another is
        copied."""
        res = self._reserved.get(field)
        if res is None or res[1] != arr.ctypes.data:
            return arr[:rows].copy()
        mm = res[0]
        keep = rows * (arr.nbytes // arr.shape[0])
        page = mmap.PAGESIZE
        start = -(-keep // page) * page
        dontneed = getattr(mmap, "MADV_DONTNEED", None)
        if dontneed is not None and start < len(mm):
            try:
                mm.madvise(dontneed, start, len(mm) - start)
            except OSError:
                pass
        return arr[:rows]

    def _grow_reserved(self, field: str, arr: np.ndarray, new_rows: int, live: int):
        """A big arena grows inside a reservation of address space (an anonymous
        private mapping of up to the memory limit, pages made on first touch): a
        longer view of the same pages, so nothing is copied and the old rows are not
        faulted in again; only the first growth into a reservation copies the live
        rows.  None where that is not possible (the caller copies)."""
        if not _CAN_RESERVE:
            return None
        row_bytes = arr.itemsize * (arr.size // max(arr.shape[0], 1))
        need = new_rows * row_bytes
        res = self._reserved.get(field)
        if res is None or res[1] != arr.ctypes.data or len(res[0]) < need:
            size = max(need, min(self.memory_limit, RESERVE_MAX))
            try:
                mm = mmap.mmap(-1, size, flags=_MAP_FLAGS)
            except (OSError, ValueError, OverflowError):
                return None
            out = np.frombuffer(mm, arr.dtype, count=new_rows * (arr.size // max(arr.shape[0], 1)))
            out = out.reshape((new_rows,) + arr.shape[1:])
            out[:live] = arr[:live]
            self._reserved[field] = (mm, out.ctypes.data)
            return out
        mm = res[0]
        out = np.frombuffer(mm, arr.dtype, count=new_rows * (arr.size // max(arr.shape[0], 1)))
        return out.reshape((new_rows,) + arr.shape[1:])

    # ---- services -------------------------------------------------------------

    def _service(self):
        NeedsUserCode.strict = True
        try:
            try:
                self._service_inner()
            except NeedsUserCode:
                self._redirect_to_prelude()
        except _VMRaised:
            self._raise_from_vm()
        except _ScriptException as e:
            self._fail(e.type_name, e.message, e.args_)
        except RecursionError:   # decoding data nested deeper than the host's stack
            self._fail("RecursionError", "maximum recursion depth exceeded while getting "
                       "the repr of an object")
        except MemoryError:
            self._fail("MemoryError", "")
        finally:
            NeedsUserCode.strict = False
            self._pins.clear()

    def _service_inner(self):
        st = self.st
        svc = int(st.R[L.R_SERVICE])
        n = int(st.R[L.R_ARGC])
        fp = int(st.R[L.R_FP])
        pc = int(st.F[fp, L.FR_PC])
        op, arg = O.decode(int(st.CODE[pc]))
        sp = int(st.R[L.R_SP])
        if svc == modfns.SVC_IMPORT or svc == modfns.SVC_MODULE_ATTR:
            self._module_service(svc, op, arg, sp, pc)
            return
        if svc == interp.SVC_FORMAT:
            has_spec = arg & 4
            spec = self._value(sp - 1) if has_spec else ""
            value = self._value(sp - 2 if has_spec else sp - 1)
            conv = arg & 3
            if conv:
                value = self._call_python([str, repr, ascii][conv - 1], value)
            self._format_guard((), spec)
            text = self._call_python(format, value, spec)
            self._complete(sp - (2 if has_spec else 1), text, pc)
            return
        if svc == interp.SVC_UNARY:
            x = self._value(sp - 1)
            result = self._call_python(_UNARYOPS[arg], x)
            self._charge_int(_limbs(x) + _limbs(result))
            self._complete(sp - 1, result, pc)
            return
        if svc == interp.SVC_OBJECT:
            self._object_service(n, op, arg, sp, pc)
            return
        if svc == interp.SVC_LOAD_ATTR:
            self._load_attr_service(arg, sp, pc)
            return
        if svc == interp.SVC_BINOP:
            if arg == O.INPLACE + arith.OP_ADD and st.S[sp - 2, 0] == L.LIST:
                self._extend_list(sp, pc)
                return
            if arg & 15 == arith.OP_OR and st.S[sp - 2, 0] == L.DICT:
                self._dict_union(arg, sp, pc)
                return
            if int(st.S[sp - 2, 0]) in _INT_TAGS or (int(st.S[sp - 1, 0]) in _INT_TAGS
                                                     and int(st.S[sp - 2, 0]) != L.STR):
                self._int_binop(arg, sp, pc)
                return
            a = self._value(sp - 2)
            b = self._value(sp - 1)
            self._format_guard(b if isinstance(b, tuple) else (b,), a)
            self._complete(sp - 2, self._call_python(_BINOPS[arg & 15], a, b), pc)
            return
        if svc == interp.SVC_CALL_EX:
            self._call_ex_service(arg, sp, pc)
            return
        kwnames = []
        top = sp
        if st.R[L.R_KWNAMES] >= 0:
            kwnames = list(self._value(sp - 1))
            top = sp - 1
        if svc >= 0:
            self._builtin_service(svc, n, kwnames, top, pc)
            if op == O.CALL_METHOD or op == O.CALL_METHOD_KW:
                # a builtin fetched from a module by LOAD_METHOD ran one slot above
                # its own (interp.call_builtin_from_slot): move the result down
                self._result_down(fp, pc)
        else:
            self._method_service(-1 - svc, n, kwnames, top, pc)
            if op == O.CALL_METHOD and n == arg - 1:
                # a method read from its type ran one slot above its own
                # (interp.call_unbound_method): move the result down
                self._result_down(fp, pc)

    def _dict_union(self, arg: int, sp: int, pc: int):
        """d1 | d2 (a new dict) and d |= x (d.update(x)); values keep their identity."""
        st = self.st
        a = int(st.S[sp - 2, 1])
        right = Raw(st.S[sp - 1, 0], st.S[sp - 1, 1])
        pairs = self._pairs_of(right)
        if arg & O.INPLACE:
            d = a
        else:
            pairs = self._pairs_of(Raw(L.DICT, a)) + pairs
            self.ensure(1, int(heap.dict_rows(len(pairs))), 0)
            d = int(heap.new_dict(self.p, len(pairs)))
            self._pins.append(Raw(L.DICT, d))
        for k, v in pairs:
            if not heap.is_hashable(self.p, k.tag, k.val):
                kd = decode(self.st, k.tag, k.val, self.program)
                raise _ScriptException("TypeError", f"unhashable type: '{type(kd).__name__}'")
            self.ensure(0, int(heap.dict_set_need(self.p, d)), 0)
            heap.dict_set(self.p, d, k.tag, k.val, v.tag, v.val)
        self._charge_int(len(pairs))
        self._complete(sp - 2, Raw(L.DICT, d), pc)

    def _dict_popitem(self, d: int, result_slot: int, pc: int):
        st = self.st
        off = int(st.H[d, L.A])
        for e in range(int(st.H[d, L.B]) - 1, -1, -1):
            if st.V[off + 2 * e, 0] != L.UNDEF:
                k = Raw(st.V[off + 2 * e, 0], st.V[off + 2 * e, 1])
                v = Raw(st.V[off + 2 * e + 1, 0], st.V[off + 2 * e + 1, 1])
                self._pins += [k, v]
                self.ensure(1, 2, 0)
                heap.dict_delete_entry(self.p, d, e)
                self._complete(result_slot, (k, v), pc)
                return
        raise _ScriptException("KeyError", "'popitem(): dictionary is empty'",
                               ["popitem(): dictionary is empty"])

    def _result_down(self, fp: int, pc: int):
        st = self.st
        if int(st.R[L.R_FP]) == fp and int(st.F[fp, L.FR_PC]) == pc + 1:
            sp = int(st.R[L.R_SP])
            st.S[sp - 2] = st.S[sp - 1]
            st.R[L.R_SP] = sp - 1

    # ---- modules (feat/mod) -----------------------------------------------------------

    def _module_service(self, svc: int, op: int, arg: int, sp: int, pc: int):
        """IMPORT_NAME of a module not made yet; a name a module does not have."""
        st = self.st
        if svc == modfns.SVC_IMPORT:
            name = stdmod.module_name_of_slot(self.program.globals[arg])
            if name not in MODULES:     # (the compiler and the validator allow none)
                raise _ScriptException("ModuleNotFoundError", f"No module named '{name}'")
            if name in AMBER_MODULES:
                self._import_amber(name, arg, sp, pc)
                return
            m = stdmod.make_module(self, name)
            self.st.G[arg, 0] = m.tag
            self.st.G[arg, 1] = m.val
            self._complete(sp, m, pc)
            return
        mod = MODULES[int(st.H[int(st.S[sp - 1, 1]), L.A])]
        name = self.program.consts[arg]
        if op == O.IMPORT_FROM:
            raise _ScriptException("ImportError", f"cannot import name '{name}' from "
                                   f"'{mod}' (unknown location)")
        raise _ScriptException("AttributeError", f"module '{mod}' has no attribute '{name}'")

    def _import_amber(self, name: str, slot: int, sp: int, pc: int):
        """The first `import NAME` of a module written in Amber: make the module
        (its namespace dict holds __name__; its names are the globals of
        Program.modules), cache it in the import slot, push it as IMPORT_NAME's
        result and run the module body above it, in a frame whose return value is
        dropped (RET_DISCARD): when the body returns, the importer continues after
        IMPORT_NAME with the module on its stack.  Everything that can fail is done
        before the slot is set."""
        st = self.st
        entry = next((m for m in self.program.modules if m[0] == name), None)
        if entry is None:       # (the validator allows none)
            raise _ScriptException("ModuleNotFoundError", f"No module named '{name}'")
        _, cid, first, names_const = entry
        co = self.program.codes[cid]
        fp = int(st.R[L.R_FP])
        if fp + 1 >= int(st.R[L.R_FRAMES_MAX]):
            raise _ScriptException("RecursionError", "maximum recursion depth exceeded")
        if fp + 2 > st.F.shape[0]:
            self._grow("F", fp + 2)
        self._grow_stack(sp + 2 + co.nlocals + co.stacksize + 8)
        m = stdmod.make_module(self, name, first, names_const)
        st = self.st
        st.G[slot, 0] = m.tag
        st.G[slot, 1] = m.val
        self.ensure(1, 0, 0)
        st = self.st
        m = Raw(int(st.G[slot, 0]), int(st.G[slot, 1]))     # (a collection moves rows)
        f = int(heap.new_obj(self.p, L.FUNC))
        st.H[f, L.A] = cid
        st.H[f, L.B] = st.H[f, L.C] = st.H[f, L.D] = -1
        st.S[sp, 0], st.S[sp, 1] = m.tag, m.val
        st.S[sp + 1, 0], st.S[sp + 1, 1] = L.FUNC, f
        st.R[L.R_SP] = sp + 2
        self._run_status(interp.call_function_at(self.p, f, sp + 2, 0, sp + 1, pc + 1,
                                                 L.RET_DISCARD))

    def _module_body_slot(self, cid: int) -> int:
        """The import slot of the Amber module whose body is code cid, or -1."""
        for name, body, _, _ in self.program.modules:
            if body == cid:
                return self.program.globals.index(f"<modules>.{name}")
        return -1

    # ---- big ints --------------------------------------------------------------------

    def _int_binop(self, arg: int, sp: int, pc: int):
        """A binary operator with an int operand the numba code hands over: a result
        beyond int64, or a big int operand.  Python computes it; sizes are checked
        first, and the work is charged as fuel."""
        st = self.st
        op = arg & 15
        ta, tb = int(st.S[sp - 2, 0]), int(st.S[sp - 1, 0])
        if op == arith.OP_MUL and ((ta == L.BIGINT and tb in _SEQ_TAGS)
                                   or (tb == L.BIGINT and ta in _SEQ_TAGS)):
            raise _ScriptException("OverflowError", "cannot fit 'int' into an index-sized integer")
        a = self._value(sp - 2, real=True)
        b = self._value(sp - 1, real=True)
        if isinstance(a, int) and isinstance(b, int):
            self._int_guard(op, a, b)
        fn = _IBINOPS[op] if arg & O.INPLACE else _BINOPS[op]
        result = self._call_python(fn, a, b)
        la, lb = _limbs(a), _limbs(b)
        quadratic = op in (arith.OP_MUL, arith.OP_FLOORDIV, arith.OP_MOD, arith.OP_POW)
        lr = _limbs(result)
        self._charge_int(la + lb + lr + (la * lb if quadratic else 0)
                         + (lr * lr if op == arith.OP_POW else 0))
        self._complete(sp - 2, result, pc)

    def _int_guard(self, op: int, a: int, b: int):
        """MemoryError before Python computes an int the VM could not hold."""
        ba, bb = abs(a).bit_length(), abs(b).bit_length()
        if op in (arith.OP_ADD, arith.OP_SUB, arith.OP_AND, arith.OP_OR, arith.OP_XOR):
            bits = max(ba, bb) + 1
        elif op == arith.OP_MUL:
            bits = ba + bb
        elif op == arith.OP_LSHIFT:
            bits = ba + b if b > 0 and a != 0 else 0
        elif op == arith.OP_POW:
            if b <= 0 or abs(a) <= 1:
                bits = 0
            else:
                bits = b * math.log2(abs(a)) if bb < 64 else math.inf
        else:
            bits = ba
        self._check_int_bits(bits)

    def _check_int_bits(self, bits):
        if bits > MAX_INT_BITS + 1:
            raise _ScriptException("MemoryError", int_too_large_message())
        if bits / 4 > self.memory_limit - self._bytes_used():
            raise _ScriptException("MemoryError", "")

    def _charge_int(self, limb_work: int):
        """Big-int work costs fuel: one unit per WORK_UNIT limb operations."""
        units = int(limb_work) // heap.WORK_UNIT
        self.st.R[L.R_FUEL] -= units
        self.st.R[L.R_COUNT] += units

    def _pow_service(self, args: list, kw: dict):
        """pow(a, b) and pow(a, b, m), with the size checks of **."""
        if not kw and len(args) in (2, 3) and all(isinstance(x, int) for x in args[:2]) \
                and (len(args) == 2 or args[2] is None):
            self._int_guard(arith.OP_POW, args[0], args[1])
        result = self._call_python(pow, *args, **kw)
        work = sum(_limbs(x) for x in args) + _limbs(result)
        if len(args) == 3 and isinstance(args[2], int):   # modular: ~bits(b) products
            lm = _limbs(args[2])
            work += lm * lm * max(1, abs(args[1]).bit_length() if isinstance(args[1], int) else 1)
        elif len(args) >= 2:
            work += _limbs(result) ** 2
        self._charge_int(work)
        return result

    # ---- guards for work done in host Python ---------------------------------------

    def _guard_chars(self, chars: int):
        """MemoryError before host Python builds text the VM could not hold anyway."""
        if chars * 4 > self.memory_limit - self._bytes_used():
            raise _ScriptException("MemoryError", "")

    def _format_guard(self, args, fmt):
        """%-formatting and format specs: no huge widths or precisions."""
        if isinstance(fmt, str):
            self._guard_chars(len(fmt) + max((int(d) for d in _DIGITS.findall(fmt)), default=0))
        if isinstance(fmt, str) and "*" not in fmt:
            return      # only a `*` takes a width or precision from the arguments
        for a in args:
            # (a width beyond 64 bits is refused by Python itself: OverflowError)
            if isinstance(a, int) and not isinstance(a, bool) and 1 << 20 < abs(a) < 1 << 63:
                self._guard_chars(abs(a))

    def _check_format_fields(self, fmt: str, depth: int = 0):
        """str.format fields may index but not reach attributes of host objects."""
        import _string
        try:
            for _, field, spec, _ in _string.formatter_parser(fmt):
                if field is None:
                    continue
                _, rest = _string.formatter_field_name_split(field)
                for is_attr, key in rest:
                    if is_attr and key not in _SAFE_FORMAT_ATTRS:
                        raise _ScriptException("AttributeError", f"format strings in Amber "
                                               f"cannot read the attribute {key!r}")
                if spec and depth < 2:
                    self._check_format_fields(spec, depth + 1)
                self._format_guard((), spec or "")
        except ValueError:
            pass   # malformed format strings: str.format itself reports them

    def _guard_str_method(self, obj: str, name: str, args: list, kw: dict):
        if name in ("format", "format_map"):
            self._check_format_fields(obj)
        values = list(args) + list(kw.values())
        ints = [abs(a) for a in values if isinstance(a, int) and not isinstance(a, bool)]
        strs = [len(a) for a in values if isinstance(a, str)]
        bound = len(obj) + sum(strs) + (max(ints) if ints and name in _WIDTH_METHODS else 0)
        if name == "replace" and len(args) >= 2 and isinstance(args[0], str) \
                and isinstance(args[1], str):
            count = obj.count(args[0]) if args[0] else len(obj) + 1
            bound = len(obj) + count * max(0, len(args[1]) - len(args[0]))
        if name == "expandtabs":
            bound = len(obj) * max([8] + ints)
        self._guard_chars(bound)

    def _extend_list(self, sp: int, pc: int):
        """lst += iterable (not a list or tuple): items keep their identity."""
        st = self.st
        lst = int(st.S[sp - 2, 1])
        items = self._items_of(Raw(st.S[sp - 1, 0], st.S[sp - 1, 1]))
        self.ensure(0, len(items) * 2 + 8, 0)
        tmp_list = self._pins[-1]   # the materialized items, rooted until we finish
        status = arith.list_extend_inplace(self.p, sp, lst, tmp_list.val)
        if status != L.ST_RUNNING:
            raise _ScriptException("MemoryError", "")
        self._complete(sp - 2, Raw(L.LIST, lst), pc)

    def _value(self, slot: int, real: bool = False):
        st = self.st
        v = decode(st, st.S[slot, 0], st.S[slot, 1], self.program)
        return _realize(v) if real else v

    def _args(self, top: int, n: int, kwnames: list, real=True, consume=True):
        st = self.st
        vals = []
        for i in range(top - n, top):
            if st.S[i, 0] == L.ITER and consume:   # an iterator argument: hand over its items
                raw = Raw(st.S[i, 0], st.S[i, 1])
                vals.append([decode(self.st, r.tag, r.val, self.program)
                             for r in self._items_of(raw)])
                st = self.st
            else:
                vals.append(self._value(i, real))
        npos = n - len(kwnames)
        return vals[:npos], dict(zip(kwnames, vals[npos:]))

    def _raw_args(self, top: int, n: int):
        return [Raw(self.st.S[i, 0], self.st.S[i, 1]) for i in range(top - n, top)]

    def _call_python(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (_ScriptException, NeedsUserCode):
            raise
        except RecursionError:
            raise _ScriptException("RecursionError", "maximum recursion depth exceeded")
        except MemoryError:
            raise _ScriptException("MemoryError", "")
        except Exception as e:  # the script's own error, with CPython's message
            raise _ScriptException(type(e).__name__, str(e))

    def _complete(self, result_slot: int, result, pc: int):
        """Store a service's result, pop its inputs and step past the instruction."""
        if isinstance(result, Raw):
            tag, val = result.tag, result.val
        else:
            try:
                objs, vals, chars = needs(result)
            except EncodeError as e:
                raise _ScriptException("TypeError", f"Amber cannot hold a {e} value")
            except IntTooLarge:
                raise _ScriptException("MemoryError", int_too_large_message())
            self.ensure(objs, vals, chars)
            try:
                tag, val = encode(self.st, result, self.p)
            except OverflowError as e:
                raise _ScriptException("OverflowError", str(e))
        st = self.st
        st.S[result_slot, 0] = tag
        st.S[result_slot, 1] = val
        st.R[L.R_SP] = result_slot + 1
        if isinstance(result, (str, list, tuple, dict)):
            st.R[L.R_FUEL] -= len(result) // heap.WORK_UNIT   # bulk work costs fuel
            st.R[L.R_COUNT] += len(result) // heap.WORK_UNIT
        fp = int(st.R[L.R_FP])
        st.F[fp, L.FR_PC] = pc + 1

    def _write(self, text: str):
        self.output_written += len(text)
        if self.output_written > self.output_limit:
            raise _ScriptException("RuntimeError", "output limit exceeded")
        self.stdout.write(text)

    def _builtin_service(self, bid: int, n: int, kwnames: list, top: int, pc: int):
        name = BUILTINS[bid]
        result_slot = top - n - 1
        if "." in name:         # a module's function (stdlib/modules.py)
            self._complete(result_slot, stdmod.call(self, bid, n, kwnames, top), pc)
            return
        if name in PRELUDE_ONLY:
            raise NeedsUserCode()
        if name in ("getattr", "setattr", "hasattr", "delattr") and not kwnames:
            self._attr_builtin(name, n, top, pc)
            return
        if name in ("__amber_object_new", "__amber_exc_new"):
            self._object_new(n, kwnames, top, result_slot, pc, name == "__amber_exc_new")
            return
        if name == "__amber_repr_default" and n == 1:
            st = self.st
            module = self._module_of(top - 1)
            module = "" if module == "builtins" else module + "."
            self._complete(result_slot, f"<{module}{self._type_name(top - 1)} "
                           f"object at 0x{0x7f0000000000 + 16 * int(st.H[st.S[top - 1, 1], L.SERIAL]):x}>", pc)
            return
        if name == "super" and n >= 1 and self.st.S[top - n, 0] not in (L.CLASS, L.BUILTIN):
            raise _ScriptException("TypeError", "super() argument 1 must be a type, not "
                                   f"{self._type_name(top - n)}")
        if name == "super":
            raise _ScriptException("TypeError", "super(type, obj): obj must be an instance "
                                   "or subtype of type" if n == 2 else
                                   "super() needs its arguments in Amber outside methods")
        if name == "print":
            args, kw = self._args(top, n, kwnames, real=False, consume=False)
            sep = kw.pop("sep", " ")
            end = kw.pop("end", "\n")
            kw.pop("flush", None)
            if kw:
                raise _ScriptException("TypeError", f"'{next(iter(kw))}' is an invalid keyword "
                                       "argument for print()" if "file" not in kw else
                                       "print(file=...) is not available in Amber")
            for v, what in ((sep, "sep"), (end, "end")):
                if v is not None and not isinstance(v, str):
                    raise _ScriptException("TypeError", f"{what} must be None or a string, "
                                           f"not {type(v).__name__}")
            sep = " " if sep is None else sep
            end = "\n" if end is None else end
            text = self._call_python(lambda: sep.join(_text(a) for a in args) + end)
            self._write(text)
            self.st.R[L.R_FUEL] -= len(text) // heap.WORK_UNIT
            self.st.R[L.R_COUNT] += len(text) // heap.WORK_UNIT
            self._complete(result_slot, None, pc)
            return
        if name in ("sorted", "min", "max"):
            self._ordering_service(name, n, kwnames, top, pc)
            return
        if name == "type" and n == 3 and not kwnames:
            self._type3(top, pc)
            return
        if name == "property" and (kwnames or n == 4):
            self._property_kw(n, kwnames, top, result_slot, pc)
            return
        if name in ("enumerate", "sum", "int") and kwnames:
            self._positional_retry(bid, n, kwnames, top, pc)
            return
        if name == "dict" and kwnames:
            self._dict_kw(n, kwnames, top, pc)
            return
        if name == "type" and n == 1 and not kwnames and self._callable_type(top - 1, result_slot, pc):
            return
        if name == "type" and n == 1 and not kwnames and self.st.S[top - 1, 0] == L.ITER:
            kind = int(self.st.H[int(self.st.S[top - 1, 1]), L.A])
            if kind in _ITER_TYPES:     # zip(...), enumerate(...)
                self._complete(result_slot, Raw(L.BUILTIN, BUILTIN_ID[_ITER_TYPES[kind]]), pc)
                return
        args, kw = self._args(top, n, kwnames, consume=name not in _NON_CONSUMING)
        if not hasattr(py_builtins, name):
            # type(None), type(f), type(g), type(m): no builtin names in CPython, whose
            # own calls give the result (type(None)() is None) or the error to report
            self._complete(result_slot, self._unnamed_type_call(name, args, kw), pc)
            return
        fn = getattr(py_builtins, name)
        if name in ("enumerate", "zip", "reversed", "range", "list", "tuple", "dict"):
            # only reached for argument errors: CPython reports them
            self._call_python(fn, *args, **kw)
            if name == "range" and any(isinstance(a, int) and not -(1 << 63) <= a < 1 << 63
                                       for a in args):
                raise _ScriptException("OverflowError", "Amber's range() takes bounds that "
                                       "fit in 64 bits")
            raise _ScriptException("TypeError", f"this use of {name}() is not supported by Amber yet")
        if is_exception_type(bid):
            raise _ScriptException("TypeError", f"{name}() takes no keyword arguments")
        if name == "pow":
            self._complete(result_slot, self._pow_service(args, kw), pc)
            return
        result = self._call_python(fn, *args, **kw)
        if isinstance(result, (int, tuple)):
            self._charge_int(sum(_limbs(x) for x in args) + _limbs(result))
        if isinstance(result, type) and _builtin_type_id(result) is not None:
            self._complete(result_slot, Raw(L.BUILTIN, _builtin_type_id(result)), pc)
            return
        if isinstance(result, type) or callable(result) and not isinstance(result, (str, int, float)):
            raise _ScriptException("TypeError", f"{name}() of this value is not supported by Amber yet")
        self._complete(result_slot, result, pc)

    def _object_new(self, n: int, kwnames: list, top: int, result_slot: int, pc: int,
                    exc_new: bool = False):
        """object.__new__(cls, ...): an instance of script class cls whose __init__
        has not run (CPython's checks and messages)."""
        st = self.st
        if n - len(kwnames) < 1:
            raise _ScriptException("TypeError", "object.__new__(): not enough arguments")
        first = top - n
        t, v = int(st.S[first, 0]), int(st.S[first, 1])
        if t not in (L.CLASS, L.BUILTIN) or t == L.BUILTIN and not isinstance(
                getattr(py_builtins, BUILTINS[v], None), type):
            raise _ScriptException("TypeError", "object.__new__(X): X is not a type object "
                                   f"({self._type_name(first)})")
        name = self._class_name(v) if t == L.CLASS else BUILTINS[v]
        base = int(st.H[v, L.E]) if t == L.CLASS else v
        if exc_new and not is_exception_type(base):
            raise _ScriptException("TypeError", f"BaseException.__new__({name}): {name} is not "
                                   "a subtype of BaseException")
        if exc_new:
            return self._exception_new(t, v, base, n, kwnames, top, result_slot, pc)
        if base != BUILTIN_ID["object"]:
            raise _ScriptException("TypeError", f"object.__new__({name}) is not safe, "
                                   f"use {BUILTINS[base]}.__new__()")
        if t == L.BUILTIN:
            raise _ScriptException("TypeError", "cannot create 'object' instances with "
                                   "object.__new__ in Amber")
        if n > 1:
            if st.H[v, L.F] & L.CLASS_NEW_BY_SCRIPT:
                raise _ScriptException("TypeError", "object.__new__() takes exactly one "
                                       "argument (the type to instantiate)")
            if not self._defines_first(v, "__init__"):
                raise _ScriptException("TypeError", f"{name}() takes no arguments")
        self.ensure(3, int(heap.dict_rows(4)), 0)
        st = self.st
        obj = int(heap.new_obj(self.p, L.INSTANCE))
        st.H[obj, L.A] = v
        st.H[obj, L.B] = int(heap.new_dict(self.p, 0))
        self._complete(result_slot, Raw(L.INSTANCE, obj), pc)

    def _exception_new(self, t: int, v: int, base: int, n: int, kwnames: list, top: int,
                       result_slot: int, pc: int):
        """BaseException.__new__(cls, *args) (reached as `super().__new__` or
        `object.__new__` from an exception class): an exception of class cls whose
        args are the positional arguments and whose __init__ has not run."""
        st = self.st
        cls_name = self._class_name(v) if t == L.CLASS else BUILTINS[v]
        if kwnames and not (t == L.CLASS and self._defines_first(v, "__init__")):
            raise _ScriptException("TypeError", f"{cls_name}() takes no keyword arguments")
        first = top - n
        vals = tuple(Raw(int(st.S[i, 0]), int(st.S[i, 1]))
                     for i in range(first + 1, top - len(kwnames)))
        self.ensure(*needs(vals))
        args = Raw(*encode(self.st, vals, self.p))
        self._pins.append(args)
        self.ensure(1, 0, 0)
        st = self.st
        obj = int(heap.new_obj(self.p, L.EXC))
        st.H[obj, L.A] = base
        st.H[obj, L.B] = args.val
        st.H[obj, L.C] = -1
        st.H[obj, L.D] = -1
        st.H[obj, L.E] = v if t == L.CLASS else -1
        self._complete(result_slot, Raw(L.EXC, obj), pc)

    def _callable_type(self, slot: int, result_slot: int, pc: int) -> bool:
        """type() of a bound method (method), a builtin function or method
        (builtin_function_or_method) or a staticmethod, classmethod or property
        object; False for other values."""
        st = self.st
        t, v = int(st.S[slot, 0]), int(st.S[slot, 1])
        if t not in (L.BOUND, L.WRAPPER, L.SUPER, L.METHOD, L.BUILTIN):
            return False
        kind = self._value_type(t, v)
        if kind is None or t == L.BUILTIN and kind.val == BUILTIN_ID["type"]:
            return False        # (type(int) has its own path)
        self._complete(result_slot, kind, pc)
        return True

    def _unnamed_type_call(self, name: str, args: list, kw: dict):
        """Call builtin `name`, a type that has no builtin name in CPython (or one of
        Amber's internal builtins, which scripts cannot name), as CPython would."""
        real = _UNNAMED_TYPES.get(name)
        if real is None:
            raise _ScriptException("TypeError", f"'{name}' cannot be called from a script")
        result = self._call_python(real, *args, **kw)
        if result is not None:      # type(module)("name"): a module Amber cannot hold
            raise _ScriptException("TypeError", f"{name}() objects cannot be created by "
                                   "calling their type in Amber")
        return None

    def _call_ex_service(self, arg: int, sp: int, pc: int):
        """CALL_EX on a builtin or builtin method: spread the args tuple and kwargs
        dict on the stack as a CALL / CALL_KW would have them, then call it like those
        (numba first when there are no keywords, then the host services)."""
        st = self.st
        has_kw = arg & 1
        method = bool(arg & 2)
        ts = sp - 1 - has_kw
        callee = ts - 1 - int(method)
        from_slot = method and int(st.S[callee, 0]) == L.BUILTIN
        if method and not has_kw and int(st.S[callee, 0]) == L.METHOD and \
                int(st.S[callee + 1, 0]) == L.GEN and METHODS[int(st.S[callee, 1])][0] == L.GEN:
            # g.send(*a) / g.throw(*a) / g.close(*a): the prelude calls it with the items
            self.ensure(*needs(METHODS[int(st.S[callee, 1])][1]))
            mname = Raw(*encode(self.st, METHODS[int(self.st.S[callee, 1])][1], self.p))
            if self._call_prelude_fn("_gen_method_ex", [callee + 1, mname, ts], sp, callee,
                                     pc, 0):
                return
        if from_slot:   # a module's builtin below an empty self slot: call it from there
            st.S[ts - 1] = st.S[callee]
            callee = ts - 1
            method = False
        raws, kwnames = self._ex_arguments(ts, sp, has_kw)
        n = len(raws)
        top = ts + n
        # the tuple and dict stay alive while their items move to the stack
        self._pins += [Raw(st.S[ts, 0], st.S[ts, 1]), Raw(st.S[sp - 1, 0], st.S[sp - 1, 1])]
        if top + 8 > st.S.shape[0]:
            try:
                self._grow("S", top + 64)
            except _ScriptException:
                raise _ScriptException("MemoryError", "") from None
            st = self.st
        for i, r in enumerate(raws):
            st.S[ts + i, 0] = r.tag
            st.S[ts + i, 1] = r.val
        st.R[L.R_SP] = top
        self._ex_call = (top, n, kwnames, method)
        try:
            fid = int(st.S[callee, 1])
            if not kwnames:
                native = natives.call_method if method else natives.call_builtin
                status = self._native(native, fid, top, n)
                if status == L.ST_RUNNING:
                    self.st.R[L.R_SP] = callee + 1
                    self.st.F[int(self.st.R[L.R_FP]), L.FR_PC] = pc + 1
                    if from_slot:
                        self._result_down(int(self.st.R[L.R_FP]), pc)
                    return
                if status == L.ST_RAISE:
                    self._fail_from_vm()
                    return
            if method:
                self._method_service(fid, n, kwnames, top, pc)
            else:
                self._builtin_service(fid, n, kwnames, top, pc)
                if from_slot:
                    self._result_down(int(self.st.R[L.R_FP]), pc)
        finally:
            self._ex_call = None

    def _native(self, fn, *args) -> int:
        """Run a numba builtin from a service, making room until it can finish."""
        while True:
            status = fn(self.p, *args)
            if status != L.ST_NEED_MEMORY:
                return status
            self._make_room()

    def _type3(self, top: int, pc: int):
        """type(name, bases, namespace): a class, made as a class statement makes it
        (from a copy of the namespace; a mapping that is not a dict goes through
        dict() in the prelude first)."""
        st = self.st
        for slot, want, what in ((top - 3, L.STR, "1 must be str"),
                                 (top - 2, L.TUPLE, "2 must be tuple")):
            if st.S[slot, 0] != want:
                raise _ScriptException("TypeError", f"type.__new__() argument {what}, not "
                                       f"{self._type_name(slot)}")
        if st.S[top - 1, 0] != L.DICT:
            if st.S[top - 1, 0] == L.INSTANCE and self._call_prelude_fn(
                    "_type3", [top - 3, top - 2, top - 1], top, top - 4, pc, 0):
                return
            raise _ScriptException("TypeError", "type.__new__() argument 3 must be dict, "
                                   f"not {self._type_name(top - 1)}")
        self._native(natives.dict_copy, int(st.S[top - 1, 1]), top - 1)
        st = self.st
        st.S[top - 4:top - 1] = st.S[top - 3:top]      # name bases ns, where type was
        self._build_class(top - 1, pc)

    def _property_kw(self, n: int, kwnames: list, top: int, result_slot: int, pc: int):
        """property(fget, fset, fdel, doc) with keywords (the doc is not kept)."""
        st = self.st
        names = ["fget", "fset", "fdel", "doc"]
        npos = n - len(kwnames)
        given = {names[i]: Raw(int(st.S[top - n + i, 0]), int(st.S[top - n + i, 1]))
                 for i in range(min(npos, 4))}
        if npos > 4:
            raise _ScriptException("TypeError", f"property() takes at most 4 arguments ({n} given)")
        for i, k in enumerate(kwnames):
            if k not in names:
                raise _ScriptException("TypeError", f"'{k}' is an invalid keyword argument "
                                       "for property()")
            if k in given:
                raise _ScriptException("TypeError", f"argument for property() given by name "
                                       f"('{k}') and position ({names.index(k) + 1})")
            given[k] = Raw(int(st.S[top - len(kwnames) + i, 0]), int(st.S[top - len(kwnames) + i, 1]))
        parts = [given.get(k, Raw(L.NONE, 0)) for k in names[:3]]
        self._complete(result_slot, self._new_wrapper(L.WR_PROPERTY, parts), pc)

    def _positional_retry(self, bid: int, n: int, kwnames: list, top: int, pc: int):
        """enumerate(x, start=1) and similar: move keywords into position, call again."""
        order = {"enumerate": ["iterable", "start"], "sum": ["iterable", "start"],
                 "int": ["x", "base"]}[BUILTINS[bid]]
        npos = n - len(kwnames)
        for i, k in enumerate(kwnames):
            if k not in order or order.index(k) != npos + i:
                args, kw = self._args(top, n, kwnames)
                self._call_python(getattr(py_builtins, BUILTINS[bid]), *args, **kw)
                raise _ScriptException("TypeError", f"{BUILTINS[bid]}() keyword use not supported")
        st = self.st
        st.R[L.R_SP] = top       # drop the names tuple: it is now a positional call
        if BUILTINS[bid] == "int":
            args, _ = self._args(top, n, [])
            self._complete(top - n - 1, self._call_python(int, *args), pc)
            return
        # (room is made here, not by a retry of the instruction: after CALL_EX spread
        # its arguments the stack no longer holds the instruction's operands)
        status = self._native(natives.call_builtin, bid, top, n)
        st = self.st
        if status == L.ST_RUNNING:
            st.R[L.R_SP] = top - n
            st.F[int(st.R[L.R_FP]), L.FR_PC] = pc + 1
            return
        st.R[L.R_SP] = top + 1   # restore the instruction's stack
        if status == L.ST_RAISE:
            self._fail_from_vm()
            return
        args, kw = self._args(top, n, [])
        self._call_python(getattr(py_builtins, BUILTINS[bid]), *args)
        raise _ScriptException("TypeError", f"this use of {BUILTINS[bid]}() is not supported by Amber yet")

    def _dict_kw(self, n: int, kwnames: list, top: int, pc: int):
        """dict(k=v, ...) and dict(mapping, k=v): values keep their identity."""
        npos = n - len(kwnames)
        if npos > 1:
            raise _ScriptException("TypeError", f"dict expected at most 1 argument, got {npos}")
        raws = self._raw_args(top, n)
        items = []
        if npos == 1:
            items = [(decode(self.st, k.tag, k.val, self.program), v)
                     for k, v in self._pairs_of(raws[0])]
        items += list(zip(kwnames, raws[npos:]))
        self._complete(top - n - 1, dict(items), pc)

    def _pairs_of(self, raw: Raw) -> list:
        """(key, value) raw pairs of a dict, or of an iterable of pairs."""
        st = self.st
        if raw.tag == L.DICT:
            off = int(st.H[raw.val, L.A])
            return [(Raw(st.V[off + 2 * e, 0], st.V[off + 2 * e, 1]),
                     Raw(st.V[off + 2 * e + 1, 0], st.V[off + 2 * e + 1, 1]))
                    for e in range(int(st.H[raw.val, L.B])) if st.V[off + 2 * e, 0] != L.UNDEF]
        pairs = []
        for item in self._items_of(raw):
            inner = self._items_of(item)
            if len(inner) != 2:
                raise _ScriptException("ValueError", f"dictionary update sequence element "
                                       f"#{len(pairs)} has length {len(inner)}; 2 is required")
            pairs.append((inner[0], inner[1]))
        return pairs

    def _sort_order(self, items_raw: list, kw: dict, what: str) -> list:
        """The stable order sorted() would give (indices), with CPython's errors."""
        items = [_realize(decode(self.st, r.tag, r.val, self.program)) for r in items_raw]
        key = kw.get("key")
        if key is not None and not isinstance(key, BuiltinRef) and \
                self.program.codes[int(self.st.F[int(self.st.R[L.R_FP]), L.FR_CODE])].module \
                != L.PRELUDE_MODULE:
            raise NeedsUserCode()       # a script function: the prelude's sorted/min/max
        if isinstance(key, BuiltinRef) and (key.name in _SAFE_KEYS
                                            or key.name.startswith("math.")):
            key = _realize(key)     # (math's functions are pure too)
        elif isinstance(key, BuiltinRef):
            raise _ScriptException("TypeError", f"{what} with key={key.name} is not supported "
                                   "by Amber")
        elif key is not None and not callable(key):
            raise _ScriptException("TypeError", f"'{type(key).__name__}' object is not callable")
        elif key is not None:
            raise _ScriptException("TypeError", f"{what} with a key function written in the "
                                   "script is not supported by Amber yet")
        keyf = (lambda i: key(items[i])) if key else (lambda i: items[i])
        return self._call_python(sorted, range(len(items)), key=keyf,
                                 reverse=bool(kw.get("reverse", False)))

    def _ordering_service(self, name: str, n: int, kwnames: list, top: int, pc: int):
        """sorted/min/max with key= or reverse= (or an error to report)."""
        npos = n - len(kwnames)
        raws = self._raw_args(top, n)
        kw = {k: decode(self.st, r.tag, r.val, self.program)
              for k, r in zip(kwnames, raws[npos:])}
        allowed = {"key", "reverse"} if name == "sorted" else {"key", "default"}
        if (name == "sorted" and npos != 1) or npos == 0 or set(kw) - allowed:
            args, kwargs = self._args(top, n, kwnames)
            self._call_python(getattr(py_builtins, name), *args, **kwargs)
        items_raw = self._items_of(raws[0]) if npos == 1 else raws[:npos]
        if name == "sorted":
            order = self._sort_order(items_raw, kw, "sorted()")
            self._complete(top - n - 1, [items_raw[i] for i in order], pc)
            return
        if not items_raw:
            if "default" in kw:
                self._complete(top - n - 1, raws[npos + kwnames.index("default")], pc)
                return
            raise _ScriptException("ValueError", f"{name}() arg is an empty sequence")
        order = self._sort_order(items_raw, {"key": kw.get("key")}, f"{name}()")
        # min is the first of the stable order; max is the first of the largest
        best = order[0] if name == "min" else self._first_max(order, items_raw, kw.get("key"))
        self._complete(top - n - 1, items_raw[best], pc)

    def _first_max(self, order, items_raw, key):
        items = [decode(self.st, r.tag, r.val, self.program) for r in items_raw]
        if isinstance(key, BuiltinRef):
            key = _realize(key)     # checked by _sort_order already
        return self._call_python(max, range(len(items)),
                                 key=(lambda i: key(items[i])) if key else (lambda i: items[i]))

    def _items_of(self, raw: Raw) -> list:
        """The items of an iterable VM value, as raw values (materialized by numba)."""
        st = self.st
        while True:
            r, status = seq.materialize(self.p, raw.tag, raw.val, False)
            if status == L.ST_RUNNING:
                break
            if status == L.ST_NEED_MEMORY:
                self._make_room()
                st = self.st
                continue
            self._fail_from_vm()
        self._pins.append(Raw(L.LIST, r))   # keep the items alive until the service ends
        off = int(st.H[r, L.A])
        return [Raw(st.V[off + i, 0], st.V[off + i, 1]) for i in range(int(st.H[r, L.B]))]

    def _method_service(self, mid: int, n: int, kwnames: list, top: int, pc: int):
        tag, name = METHODS[mid]
        st = self.st
        self_slot = top - n - 1
        result_slot = top - n - 2
        if tag == L.LIST and name == "sort":
            npos = n - len(kwnames)
            raws = self._raw_args(top, n)
            kw = {k: decode(st, r.tag, r.val, self.program)
                  for k, r in zip(kwnames, raws[npos:])}
            if npos or set(kw) - {"key", "reverse"}:
                args, kwargs = self._args(top, n, kwnames)
                self._call_python([].sort, *args, **kwargs)
            lst = int(st.S[self_slot, 1])
            items_raw = self._items_of(Raw(L.LIST, lst))
            order = self._sort_order(items_raw, kw, "list.sort()")
            st = self.st
            off = int(st.H[lst, L.A])
            for j, i in enumerate(order):
                st.V[off + j, 0] = items_raw[i].tag
                st.V[off + j, 1] = items_raw[i].val
            self._complete(result_slot, None, pc)
            return
        if tag == L.DICT and name == "update":
            npos = n - len(kwnames)
            if npos > 1:
                raise _ScriptException("TypeError", f"update expected at most 1 argument, got {npos}")
            raws = self._raw_args(top, n)
            pairs = self._pairs_of(raws[0]) if npos == 1 else []
            for k, raw in zip(kwnames, raws[npos:]):
                self.ensure(1, 0, len(k))
                pairs.append((Raw(*encode(self.st, k, self.p)), raw))
                self._pins.append(pairs[-1][0])
            d = int(self.st.S[self_slot, 1])
            for k, v in pairs:
                if not heap.is_hashable(self.p, k.tag, k.val):
                    kd = decode(self.st, k.tag, k.val, self.program)
                    raise _ScriptException("TypeError", f"unhashable type: '{type(kd).__name__}'")
                self.ensure(0, int(heap.dict_set_need(self.p, d)), 0)
                heap.dict_set(self.p, d, k.tag, k.val, v.tag, v.val)
            self._complete(result_slot, None, pc)
            return
        if tag == L.DICT and name == "popitem":
            if n:
                raise _ScriptException("TypeError", f"dict.popitem() takes no arguments ({n} given)")
            self._dict_popitem(int(st.S[self_slot, 1]), result_slot, pc)
            return
        if tag == L.LIST and name in ("index", "count", "copy"):
            obj = self._value(self_slot)
            args, kw = self._args(top, n, kwnames)
            self._complete(result_slot, self._call_python(getattr(obj, name), *args, **kw), pc)
            return
        if tag == L.INT or tag == L.SLICE:
            obj = self._value(self_slot)
            args, kw = self._args(top, n, kwnames)
            self._complete(result_slot, self._call_python(getattr(obj, name), *args, **kw), pc)
            return
        if tag != L.STR and tag != L.TUPLE:
            # mutating methods on lists/dicts with unusual arguments: CPython reports the error
            obj = self._value(self_slot, real=True)
            args, kw = self._args(top, n, kwnames)
            if getattr(obj, name, None) is not None:
                self._call_python(getattr(obj, name), *args, **kw)
            raise _ScriptException("TypeError", f"this use of {name}() is not supported by Amber yet")
        obj = self._value(self_slot)
        args, kw = self._args(top, n, kwnames)
        if isinstance(obj, str):
            self._guard_str_method(obj, name, args, kw)
        result = self._call_python(getattr(obj, name), *args, **kw)
        self._complete(result_slot, result, pc)

    def _load_attr_service(self, arg: int, sp: int, pc: int):
        st = self.st
        name = self.program.consts[arg]
        if st.S[sp - 1, 0] == L.EXC and name == "args":
            self._complete(sp - 1, Raw(L.TUPLE, int(st.H[st.S[sp - 1, 1], L.B])), pc)
            return
        if st.S[sp - 1, 0] == L.EXC and name == "value" and \
                _is_subclass(int(st.H[st.S[sp - 1, 1], L.A]), "StopIteration"):
            args = int(st.H[st.S[sp - 1, 1], L.B])     # StopIteration.value: args[0]
            off = int(st.H[args, L.A])
            first = Raw(st.V[off, 0], st.V[off, 1]) if st.H[args, L.B] else None
            self._complete(sp - 1, first, pc)
            return
        obj = self._value(sp - 1, real=True)
        if name in _PLAIN_ATTRS:
            result = self._call_python(getattr, obj, name)
            if result is None or isinstance(result, (str, int, float)):
                self._complete(sp - 1, result, pc)
                return
        self._call_python(getattr, obj, name)
        raise _ScriptException("AttributeError", f"'{type(obj).__name__}' object has no "
                               f"attribute '{name}'")

    # ---- classes ---------------------------------------------------------------

    def _script_key(self, tag: int, val: int, depth: int = 0) -> bool:
        """Whether a value is, or is a tuple holding, an instance whose hash and ==
        are script code (heap.script_hashed)."""
        st = self.st
        if tag == L.INSTANCE:
            return bool(heap.script_hashed(self.p, val))
        if tag == L.TUPLE and depth < 8:
            off = int(st.H[val, L.A])
            return any(self._script_key(int(st.V[off + i, 0]), int(st.V[off + i, 1]), depth + 1)
                       for i in range(int(st.H[val, L.B])))
        return False

    def _keyed_op(self, name: str, arg: int, sp: int, pc: int) -> bool:
        """A dict or set instruction that met a key with a script __hash__/__eq__:
        call the prelude's version (which finds the stored key equal to it with ==,
        then does the same on that key)."""
        st = self.st
        S = st.S
        if name in ("BUILD_SET", "BUILD_MAP"):
            k = arg if name == "BUILD_SET" else 2 * arg
            self.ensure(1, k, 0)
            st = self.st
            r = int(heap.new_list(self.p, k, k))
            off = int(st.H[r, L.A])
            st.V[off:off + k] = st.S[sp - k:sp]
            fname = "_build_set" if name == "BUILD_SET" else "_build_map"
            return self._call_prelude_fn(fname, [(L.LIST, r)], sp, sp - k, pc, 0)
        if name == "SET_ADD":
            return self._call_prelude_fn("_set_add", [sp - 1 - arg, sp - 1], sp, sp - 1, pc,
                                         L.RET_DISCARD)
        if name == "MAP_ADD":
            return self._call_prelude_fn("_setitem", [sp - 2 - arg, sp - 2, sp - 1], sp, sp - 2,
                                         pc, L.RET_DISCARD)
        if S[sp - 2, 0] != L.DICT:
            return False
        if name == "BINARY_SUBSCR":
            return self._call_prelude_fn("_getitem", [sp - 2, sp - 1], sp, sp - 2, pc, 0)
        if name == "STORE_SUBSCR":      # (stack: value, dict, key)
            return self._call_prelude_fn("_setitem", [sp - 2, sp - 1, sp - 3], sp, sp - 3, pc,
                                         L.RET_DISCARD)
        return self._call_prelude_fn("_delitem", [sp - 2, sp - 1], sp, sp - 2, pc,
                                     L.RET_DISCARD)

    def _call_prelude_fn(self, fname: str, args: list, sp: int, ret: int, pc: int,
                         mode: int) -> bool:
        """Call the prelude's function fname with args (stack slots, (tag, payload)
        pairs or Raw values) written from S[sp], its result going to S[ret] per
        mode; the instruction is then done.  False in a program compiled without it."""
        fid = self._prelude_function(fname)
        if fid is None:
            return False
        st = self.st
        vals = [(a.tag, a.val) if isinstance(a, Raw) else a if isinstance(a, tuple)
                else (int(st.S[a, 0]), int(st.S[a, 1])) for a in args]
        self._grow_stack(sp + len(vals) + 8)
        st = self.st
        for i, (t, v) in enumerate(vals):
            st.S[sp + i, 0], st.S[sp + i, 1] = t, v
        self._run_status(interp.call_function_at(self.p, fid, sp, len(vals), ret, pc + 1, mode))
        return True

    def _prelude_function(self, fname: str):
        """The FUNC row of the prelude's function fname (None in a program compiled
        without it)."""
        try:
            g = self.program.globals.index(L.PRELUDE_PREFIX + fname)
        except ValueError:
            return None
        if self.st.G[g, 0] != L.FUNC:
            return None
        return int(self.st.G[g, 1])

    def _bind_prelude(self, slot: int, fname: str) -> bool:
        """Replace the callable in stack slot `slot` by a bound method: the prelude's
        function `fname` with that callable as its first argument."""
        fid = self._prelude_function(fname)
        if fid is None:
            return False
        self.ensure(1, 0, 0)
        st = self.st
        b = objects.new_bound(self.p, int(st.S[slot, 0]), int(st.S[slot, 1]), L.FUNC, fid)
        st.S[slot, 0], st.S[slot, 1] = L.BOUND, int(b)
        return True

    def _redirect_to_prelude(self):
        """A service met a value whose behaviour the script defines: run the
        prelude's version of the instruction instead (re-executed from scratch)."""
        st = self.st
        fp = int(st.R[L.R_FP])
        pc = int(st.F[fp, L.FR_PC])
        op, arg = O.decode(int(st.CODE[pc]))
        sp = int(st.R[L.R_SP])
        name = O.OPS[op].name
        in_prelude = self.program.codes[int(st.F[fp, L.FR_CODE])].module == L.PRELUDE_MODULE
        ret = None
        if name in ("CALL", "CALL_KW", "CALL_METHOD", "CALL_METHOD_KW"):
            ret = sp - arg - 1 - (name.endswith("_KW")) - (name.startswith("CALL_METHOD"))
        elif name == "CALL_EX":
            ret = sp - 2 - (arg & 1) - ((arg >> 1) & 1)
        if name == "CALL" and arg == 3 and st.S[ret, 0] == L.BUILTIN and not in_prelude \
                and st.S[ret, 1] == BUILTIN_ID["type"] \
                and self._call_prelude_fn("_type3", [ret + 1, ret + 2, ret + 3], sp, ret, pc, 0):
            return      # type(name, bases, mapping): dict(mapping) first
        if ret is not None and st.S[ret, 0] == L.INSTANCE:
            f = self._wrapped_special(int(st.S[ret, 1]), "__call__")
            if f is not None:
                st = self.st
                st.S[ret, 0], st.S[ret, 1] = f.tag, f.val
                return      # the call runs again, calling what the wrapper holds
        if ret is not None and st.S[ret, 0] == L.BUILTIN and not in_prelude \
                and st.S[ret, 1] < st.R[L.R_NBSLOTS]:
            slot = L.P_BUILTINS + int(st.S[ret, 1])
            if st.G[slot, 0] == L.FUNC:
                st.S[ret, 0] = L.FUNC
                st.S[ret, 1] = st.G[slot, 1]
                return          # the call runs again, now calling the prelude
        if ret is not None and not in_prelude and name in ("CALL", "CALL_METHOD") \
                and st.S[ret, 0] == L.BUILTIN and BUILTINS[int(st.S[ret, 1])].startswith("math.") \
                and self._bind_prelude(ret, "_math_args"):
            if name == "CALL_METHOD":   # (a module function: empty the self slot again,
                st = self.st            # see interp.call_builtin_from_slot)
                st.S[ret + 1, 0], st.S[ret + 1, 1] = L.UNDEF, 0
            return          # the call runs again: the prelude converts the arguments
        if ret is not None and name == "CALL_METHOD" and st.S[ret, 0] == L.METHOD \
                and METHODS[int(st.S[ret, 1])] in _SEQ_SEARCH:
            # list.index/count/remove meeting an item with a script __eq__
            fid = self._prelude_function(_SEQ_SEARCH[METHODS[int(st.S[ret, 1])]])
            if fid is not None:
                st.S[ret, 0], st.S[ret, 1] = L.FUNC, fid
                return      # the call runs again: the prelude's version, self first
        if ret is not None and name.startswith("CALL_METHOD") and not in_prelude and \
                st.S[ret, 0] == L.METHOD and METHODS[int(st.S[ret, 1])] == (L.LIST, "sort") \
                and BUILTIN_ID["__amber_list_sort"] < st.R[L.R_NBSLOTS]:
            slot = L.P_BUILTINS + BUILTIN_ID["__amber_list_sort"]    # list.sort(key=f)
            st.S[ret, 0] = L.FUNC
            st.S[ret, 1] = st.G[slot, 1]
            return          # the call runs again: the prelude's sort(self, ...)
        if name in ("BINARY_SUBSCR", "STORE_SUBSCR", "DELETE_SUBSCR") \
                and st.S[sp - 1, 0] == L.INSTANCE \
                and st.H[int(st.S[sp - 1, 1]), L.C] in (L.INT, L.BOOL, L.BIGINT) \
                and plain_subclass(st, int(st.H[int(st.S[sp - 1, 1]), L.A])):
            inst = int(st.S[sp - 1, 1])     # an index of a subclass of int: its value
            st.S[sp - 1, 0], st.S[sp - 1, 1] = int(st.H[inst, L.C]), int(st.H[inst, L.D])
            return          # the instruction runs again
        if name in _KEYED_OPS and self._keyed_op(name, arg, sp, pc):
            return
        if name == "COMPARE_OP":    # containers holding objects with a script __eq__
            self._grow_stack(sp + 8)
            st = self.st
            self._run_status(interp.call_prelude(
                self.p, L.P_COMPARE, 3, int(st.S[sp - 2, 0]), int(st.S[sp - 2, 1]),
                int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1]), L.INT, arg, sp, sp - 2, pc + 1, 0))
            return
        if name == "BINARY_OP" and not in_prelude:     # str % (..., object, ...)
            self._grow_stack(sp + 8)
            st = self.st
            self._run_status(interp.call_prelude(
                self.p, L.P_BINOP, 3, int(st.S[sp - 2, 0]), int(st.S[sp - 2, 1]),
                int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1]), L.INT, arg, sp, sp - 2, pc + 1, 0))
            return
        if name == "FORMAT_VALUE" and not in_prelude:
            has_spec = arg & 4
            x = sp - 2 if has_spec else sp - 1
            if has_spec:
                spec = (int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1]))
            else:
                self.ensure(1, 0, 0)
                spec = encode(self.st, "", self.p)
            self._grow_stack(sp + 8)
            st = self.st
            self._run_status(interp.call_prelude(
                self.p, L.P_FORMAT, 3, int(st.S[x, 0]), int(st.S[x, 1]), L.INT, arg,
                spec[0], spec[1], sp, x, pc + 1, 0))
            return
        raise _ScriptException("TypeError", "this operation on objects of a script's "
                               "class is not supported by Amber yet")

    def _ex_arguments(self, ts: int, sp: int, has_kw: int) -> tuple:
        """CALL_EX's arguments: the items of the tuple in S[ts], then the values of
        the kwargs dict on top (when has_kw), as Raw values; and the keyword names."""
        st = self.st
        tup = int(st.S[ts, 1])
        off = int(st.H[tup, L.A])
        vals = [Raw(int(st.V[off + i, 0]), int(st.V[off + i, 1]))
                for i in range(int(st.H[tup, L.B]))]
        kwnames = []
        if has_kw:
            for k, v in self._pairs_of(Raw(st.S[sp - 1, 0], st.S[sp - 1, 1])):
                if k.tag != L.STR:
                    raise _ScriptException("TypeError", "keywords must be strings")
                kwnames.append(decode(st, k.tag, k.val, self.program))
                vals.append(v)
        return vals, kwnames

    def _exc_type_name(self, row: int) -> str:
        cls = int(self.st.H[row, L.E])
        return self._class_name(cls) if cls >= 0 else BUILTINS[int(self.st.H[row, L.A])]

    def _spread_bound_call(self, arg: int, sp: int, pc: int, ret: int):
        """CALL_EX of a bound builtin method (an exception's __init__ through super(),
        lst.append read as a value): its arguments spread on the stack as CALL or
        CALL_KW has them, then called as those."""
        st = self.st
        has_kw = arg & 1
        ts = sp - 1 - has_kw
        vals, kwnames = self._ex_arguments(ts, sp, has_kw)
        self._pins.extend(vals)
        self._grow_stack(ret + len(vals) + 10)
        n = len(vals)
        if kwnames:
            self.ensure(*needs(tuple(kwnames)))
            names = Raw(*encode(self.st, tuple(kwnames), self.p))
            vals.append(names)
        st = self.st
        for i, r in enumerate(vals):
            st.S[ret + 1 + i, 0] = r.tag
            st.S[ret + 1 + i, 1] = r.val
        top = ret + 1 + len(vals)
        st.R[L.R_SP] = top
        self._call_bound_builtin(O.CALL_KW if kwnames else O.CALL, n, top, pc)

    def _wrapped_special(self, inst: int, dunder: str, bind: bool = True):
        """Special method `dunder` of instance inst's class when it is a staticmethod
        or classmethod of a function: the function (bound to the class for a
        classmethod), or with bind=False (wrapper kind, function row); else None."""
        st = self.st
        cls = int(objects.class_of(self.p, L.INSTANCE, inst))
        key = self._const_str_row(dunder)
        if cls < 0 or key is None:
            return None
        t, v, _ = objects.mro_lookup(self.p, cls, key, -1)
        if int(t) != L.WRAPPER or int(st.H[int(v), L.A]) not in (L.WR_STATIC, L.WR_CLASS):
            return None
        kind = int(st.H[int(v), L.A])
        ft, fv = objects.wrapped(self.p, int(v), 0)
        if int(ft) != L.FUNC:
            return None
        if not bind:
            return kind, int(fv)
        if kind == L.WR_STATIC:
            return Raw(L.FUNC, int(fv))
        self.ensure(1, 0, 0)
        return Raw(L.BOUND, int(objects.new_bound(self.p, L.CLASS, cls, L.FUNC, int(fv))))

    def _static_subscript(self, name: str, sp: int, pc: int) -> bool:
        """obj[k], obj[k] = v, del obj[k] where the class's __getitem__ / __setitem__ /
        __delitem__ is a staticmethod or classmethod: call the function it wraps
        (False when it is not one)."""
        st = self.st
        dunder = {"BINARY_SUBSCR": "__getitem__", "STORE_SUBSCR": "__setitem__",
                  "DELETE_SUBSCR": "__delitem__"}.get(name)
        if dunder is None or st.S[sp - 2, 0] != L.INSTANCE:
            return False
        cls = int(objects.class_of(self.p, L.INSTANCE, int(st.S[sp - 2, 1])))
        f = self._wrapped_special(int(st.S[sp - 2, 1]), dunder, bind=False)
        if f is None:
            return False
        kind, fv = f
        args = [Raw(int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1]))]          # the key
        if name == "STORE_SUBSCR":
            args.append(Raw(int(st.S[sp - 3, 0]), int(st.S[sp - 3, 1])))  # the value
        if kind == L.WR_CLASS:
            args.insert(0, Raw(L.CLASS, cls))
        self._grow_stack(sp + len(args) + 8)
        st = self.st
        for i, a in enumerate(args):
            st.S[sp + i, 0], st.S[sp + i, 1] = a.tag, a.val
        ret = sp - 3 if name == "STORE_SUBSCR" else sp - 2
        mode = 0 if name == "BINARY_SUBSCR" else L.RET_DISCARD
        self._run_status(interp.call_function_at(self.p, int(fv), sp, len(args), ret,
                                                 pc + 1, mode))
        return True

    def _grow_stack(self, need: int):
        if need + 64 > self.st.S.shape[0]:
            self._grow("S", need + 64)

    def _run_status(self, status: int):
        """Handle the status of a numba helper the host called (a frame push)."""
        if status == L.ST_NEED_MEMORY:
            raise _ScriptException("RecursionError", "maximum recursion depth exceeded")
        if status == L.ST_RAISE:
            raise _VMRaised()

    def _object_service(self, detail: int, op: int, arg: int, sp: int, pc: int):
        st = self.st
        name = O.OPS[op].name
        if name == "BUILD_CLASS":
            self._build_class(sp, pc)
            return
        if detail in (1, 2, 3):
            cls = self._class_name(int(st.S[self._callee_slot(op, arg, sp), 1]))
            raise _ScriptException("TypeError", {
                1: f"'{cls}.__init__' is not callable",
                2: f"{cls}() takes no arguments",
                3: f"{cls}() takes no keyword arguments"}[detail])
        if detail == 4 and name == "CALL_EX":
            self._spread_bound_call(arg, sp, pc, sp - 2 - (arg & 1) - ((arg >> 1) & 1))
            return
        if detail == 4:
            self._call_bound_builtin(op, arg, sp, pc)
            return
        if detail == 5:
            raise _ScriptException("NameError", f"name '{self.program.consts[arg]}' is not defined")
        if detail == 9:
            self._unbound_method_error(op, arg, sp)
            return
        if detail == 10:
            self._new_base_instance(op, arg, sp, pc)
            return
        if detail == 12:        # g.throw(x, ...) reaching a script iterator's throw()
            ret = self._callee_slot(op, arg, sp)
            args = [Raw(int(st.S[i, 0]), int(st.S[i, 1])) for i in range(ret + 2, sp)]
            self._pins.extend(args)
            self.ensure(*needs(tuple(args)))
            packed = Raw(*encode(self.st, tuple(args), self.p))
            if not self._call_prelude_fn("_throw_raw", [ret + 1, packed], sp, ret, pc, 0):
                raise _ScriptException("TypeError", "throw() into a script iterator needs "
                                       "the prelude")
            return
        if detail == 11:        # g.throw(cls[, value]) of a script exception class
            ret = self._callee_slot(op, arg, sp)
            if not self._call_prelude_fn("_throw_class", list(range(ret + 1, sp)), sp, ret,
                                         pc, 0):
                raise _ScriptException("TypeError", "throw() of a class needs the prelude")
            return
        if detail == 8 and self._static_subscript(name, sp, pc):
            return
        if detail in (6, 7, 8):
            slot = sp - 1 if detail != 8 else (sp - 2 if name != "STORE_SUBSCR" else sp - 2)
            tname = self._type_name(slot)
            raise _ScriptException("TypeError", {
                6: f"'{tname}' object is not an iterator",
                7: f"'{tname}' object is not iterable",
                8: {"BINARY_SUBSCR": f"'{tname}' object is not subscriptable",
                    "STORE_SUBSCR": f"'{tname}' object does not support item assignment",
                    "DELETE_SUBSCR": f"'{tname}' object doesn't support item deletion"}.get(
                        name, "bad subscript")}[detail])
        if name in ("LOAD_ATTR", "LOAD_METHOD"):
            self._load_attr_fallback(arg, sp, pc, name == "LOAD_METHOD")
            return
        if name in ("STORE_ATTR", "DELETE_ATTR"):
            attr = self.program.consts[arg]
            t = int(st.S[sp - 1, 0])
            found = self._descriptor(t, int(st.S[sp - 1, 1]), int(st.K[arg, 1])) \
                if t in (L.INSTANCE, L.EXC) else None
            if found is not None:
                obj = Raw(t, int(st.S[sp - 1, 1]))
                key = Raw(L.STR, int(st.K[arg, 1]))
                if name == "STORE_ATTR":
                    value = Raw(int(st.S[sp - 2, 0]), int(st.S[sp - 2, 1]))
                    self._call_prelude_fn("_desc_set", [found[0], obj, key, value], sp,
                                          sp - 2, pc, L.RET_DISCARD)
                else:
                    self._call_prelude_fn("_desc_delete", [found[0], obj, key], sp, sp - 1,
                                          pc, L.RET_DISCARD)
                return
            if t in (L.INSTANCE, L.EXC, L.CLASS):
                cls_row = int(st.S[sp - 1, 1]) if t == L.CLASS else None
                if name == "DELETE_ATTR":
                    if cls_row is not None:
                        raise _ScriptException("AttributeError", f"type object "
                                               f"'{self._class_name(cls_row)}' has no attribute '{attr}'")
                    raise _ScriptException("AttributeError", f"'{self._type_name(sp - 1)}' "
                                           f"object has no attribute '{attr}'")
                raise _ScriptException("AttributeError", "can't set attribute")
            if attr in ("start", "stop", "step") and self._type_name(sp - 1) in ("slice", "range"):
                raise _ScriptException("AttributeError", "readonly attribute")
            raise _ScriptException("AttributeError", f"'{self._type_name(sp - 1)}' object has no "
                                   f"attribute '{attr}'" + ("" if name == "DELETE_ATTR" else
                                                             " and no __dict__ for setting new attributes"
                                                             if t == L.FUNC else ""))
        raise _ScriptException("SystemError", f"unexpected object service {detail} at {name}")

    def _module_of(self, slot: int) -> str:
        st = self.st
        cls = int(objects.class_of(self.p, int(st.S[slot, 0]), int(st.S[slot, 1])))
        return class_module(st, cls) if cls >= 0 else "builtins"

    def _attr_builtin(self, name: str, n: int, top: int, pc: int):
        """getattr / setattr / hasattr / delattr with a name computed at run time."""
        st = self.st
        res = top - n - 1
        want = {"getattr": (2, 3), "hasattr": (2, 2), "setattr": (3, 3), "delattr": (2, 2)}[name]
        if not want[0] <= n <= want[1]:
            raise _ScriptException("TypeError", f"{name} expected {want[0]} arguments, got {n}")
        if st.S[res + 2, 0] != L.STR:
            raise _ScriptException("TypeError", f"attribute name must be string, not "
                                   f"'{self._type_name(res + 2)}'")
        attr = str_of(st, int(st.S[res + 2, 1]))
        name_row = int(st.S[res + 2, 1])
        obj = (int(st.S[res + 1, 0]), int(st.S[res + 1, 1]))
        scripted = obj[0] in (L.INSTANCE, L.CLASS, L.SUPER) or (
            obj[0] == L.EXC and st.H[obj[1], L.E] >= 0)
        found = self._descriptor(*obj, name_row) if scripted and obj[0] != L.SUPER else None
        if found is not None and name in ("getattr", "hasattr"):
            if name == "hasattr":
                self._complete(res, True, pc)
                return
            owner = Raw(L.NONE, 0) if obj[0] == L.CLASS else Raw(*obj)
            self._call_prelude_fn("_desc_get", [found[0], owner, Raw(L.CLASS, found[1]),
                                                Raw(L.STR, name_row)], top, res, pc, 0)
            return
        if found is not None and obj[0] != L.CLASS:     # setattr / delattr
            args = [found[0], Raw(*obj), Raw(L.STR, name_row)]
            if name == "setattr":
                args.append(Raw(int(st.S[res + 3, 0]), int(st.S[res + 3, 1])))
            self._call_prelude_fn("_desc_set" if name == "setattr" else "_desc_delete",
                                  args, top, res, pc, 0)
            return
        if name in ("getattr", "hasattr"):
            if obj[0] == L.SUPER and name == "hasattr":   # along the MRO after its class
                selft, selfv = int(st.H[obj[1], L.B]), int(st.H[obj[1], L.C])
                cls = selfv if selft == L.CLASS else int(objects.class_of(self.p, selft, selfv))
                found = cls >= 0 and int(objects.mro_lookup(
                    self.p, cls, name_row, int(st.H[obj[1], L.A]))[0]) != L.UNDEF
                self._complete(res, found or attr in ("__thisclass__", "__self__", "__self_class__")
                               or attr in _OBJECT_ATTRS, pc)
                return
            if scripted and name == "hasattr":
                cls = obj[1] if obj[0] == L.CLASS else int(objects.class_of(self.p, *obj))
                d = int(objects.attr_dict(self.p, *obj)) if obj[0] != L.CLASS else -1
                found = cls >= 0 and int(objects.mro_lookup(self.p, cls, name_row, -1)[0]) != L.UNDEF
                found = found or (d >= 0 and int(objects.dict_find(self.p, d, name_row)[0]) != L.UNDEF)
                special = ("__class__", "__dict__") + (
                    ("__name__", "__mro__", "__bases__", "__base__", "__doc__")
                    if obj[0] == L.CLASS else ())
                self._complete(res, found or attr in special, pc)
                return
            if scripted:
                default = (int(st.S[res + 3, 0]), int(st.S[res + 3, 1])) if n == 3 else None
                st.S[res, 0], st.S[res, 1] = obj
                st.R[L.R_SP] = res + 1
                status = int(interp.load_attr_obj(self.p, name_row, res + 1, pc, False))
                if status == L.ST_RUNNING:
                    return
                if status == L.ST_NEED_MEMORY:
                    self._make_room()
                    st = self.st
                    st.S[res, 0], st.S[res, 1] = obj
                    status = int(interp.load_attr_obj(self.p, name_row, res + 1, pc, False))
                    if status == L.ST_RUNNING:
                        return
                if default is not None:
                    self._set_result(res, Raw(*default), pc)
                    return
                cname = self._type_name(res)
                what = f"type object '{self._class_name(obj[1])}'" if obj[0] == L.CLASS \
                    else f"'{cname}' object"
                raise _ScriptException("AttributeError", f"{what} has no attribute '{attr}'")
            vt = int(st.S[res + 1, 0])
            mtag = L.INT if vt in (L.BOOL, L.BIGINT) else vt
            if name == "getattr" and (mtag, attr) in METHOD_ID:     # a bound builtin method
                self.ensure(1, 0, 0)
                st = self.st
                b = objects.new_bound(self.p, vt, int(st.S[res + 1, 1]), L.METHOD,
                                      METHOD_ID[(mtag, attr)])
                self._set_result(res, Raw(L.BOUND, int(b)), pc)
                return
            named = self._code_name(vt, int(st.S[res + 1, 1]), attr)
            if named is not None:
                self._complete(res, True if name == "hasattr" else named, pc)
                return
            value = self._value(res + 1, real=True)
            try:
                result = getattr(value, attr)
            except AttributeError:
                if name == "hasattr":
                    self._complete(res, False, pc)
                    return
                if n == 3:
                    self._set_result(res, Raw(int(st.S[res + 3, 0]), int(st.S[res + 3, 1])), pc)
                    return
                raise _ScriptException("AttributeError", f"'{type(value).__name__}' object "
                                       f"has no attribute '{attr}'")
            if name == "hasattr":
                self._complete(res, True, pc)
                return
            if isinstance(result, (str, int, float)) and attr in _PLAIN_ATTRS:
                self._complete(res, result, pc)
                return
            raise _ScriptException("TypeError", f"getattr() of '{attr}' on this value is not "
                                   "supported by Amber yet")
        if not scripted:
            raise _ScriptException("AttributeError", f"'{self._type_name(res + 1)}' object has "
                                   f"no attribute '{attr}'")
        # setattr / delattr: lay the stack out as STORE_ATTR / DELETE_ATTR expect
        delete = name == "delattr"
        if delete:
            st.S[res, 0], st.S[res, 1] = obj
            sp = res + 1
        else:
            st.S[res, 0], st.S[res, 1] = st.S[res + 3, 0], st.S[res + 3, 1]
            st.S[res + 1, 0], st.S[res + 1, 1] = obj
            sp = res + 2
        fp = int(st.R[L.R_FP])
        status = int(interp.store_attr_obj(self.p, name_row, sp, pc, delete))
        if status == L.ST_NEED_MEMORY:
            self._make_room()
            status = int(interp.store_attr_obj(self.p, name_row, sp, pc, delete))
        st = self.st
        if status == L.ST_RUNNING:
            if int(st.R[L.R_FP]) > fp:      # a property setter runs: its None is the result
                st.F[int(st.R[L.R_FP]), L.FR_FLAGS] = L.RET_NORMAL
                st.F[int(st.R[L.R_FP]), L.FR_RET] = res
                return
            self._complete(res, None, pc)
            return
        if status == L.ST_SERVICE:
            raise _ScriptException("AttributeError", f"'{self._type_name(res + (0 if delete else 1))}' "
                                   f"object has no attribute '{attr}'" if delete else "can't set attribute")
        raise _VMRaised()

    def _callee_slot(self, op, arg, sp):
        name = O.OPS[op].name
        return sp - arg - 1 - (name.endswith("_KW")) - (name.startswith("CALL_METHOD"))

    def _class_name(self, row: int) -> str:
        return str_of(self.st, int(self.st.H[row, L.A]))

    def _type_name(self, slot: int) -> str:
        st = self.st
        t, v = int(st.S[slot, 0]), int(st.S[slot, 1])
        cls = int(objects.class_of(self.p, t, v))
        if cls >= 0:
            return self._class_name(cls)
        if t == L.INSTANCE:
            return "object"
        if t == L.CLASS:
            return "type"
        if t == L.EXC:
            return BUILTINS[int(st.H[v, L.A])]
        if t == L.WRAPPER:
            return ("staticmethod", "classmethod", "property")[int(st.H[v, L.A])]
        return TAG_NAME.get(t, "object")

    def _set_result(self, slot: int, raw: Raw, pc: int, pair: bool = False):
        st = self.st
        st.S[slot, 0] = raw.tag
        st.S[slot, 1] = raw.val
        top = slot + 1
        if pair:
            st.S[top, 0] = L.UNDEF
            st.S[top, 1] = 0
            top += 1
        st.R[L.R_SP] = top
        st.F[int(st.R[L.R_FP]), L.FR_PC] = pc + 1

    def _unbound_method_error(self, op: int, arg: int, sp: int):
        """A method read from its type (str.lower) called with no receiver, a receiver
        of another kind, or keywords: CPython's error, else a clear refusal."""
        st = self.st
        name = O.OPS[op].name
        ret = self._callee_slot(op, arg, sp)
        tag, mname = METHODS[int(st.S[ret, 1])]
        kw = list(self._value(sp - 1)) if name.endswith("_KW") else []
        first = ret + 2 if name.startswith("CALL_METHOD") else ret + 1
        if first < sp and st.S[first, 0] == L.INSTANCE:     # list.append(instance of a
            inst = int(st.S[first, 1])                     # subclass of list, x)
            bt = int(st.H[inst, L.C])
            if bt != L.UNDEF and interp.method_applies(int(st.S[ret, 1]), bt):
                st.S[first, 0], st.S[first, 1] = bt, int(st.H[inst, L.D])
                return      # the call runs again, on the value the instance holds
        vals = [self._value(i, real=True) for i in range(first, sp - (1 if kw else 0))]
        npos = len(vals) - len(kw)
        pytype = {t: getattr(py_builtins, n) for n, t in TYPE_TAG.items()}[tag]
        result = self._call_python(getattr(pytype, mname), *vals[:npos],
                                   **dict(zip(kw, vals[npos:])))
        if tag in (L.STR, L.TUPLE, L.INT, L.FROZENSET):    # immutable: the result is all
            self._complete(ret, result, int(st.F[int(st.R[L.R_FP]), L.FR_PC]))
            return
        raise _ScriptException("TypeError", f"{pytype.__name__}.{mname}() called through its "
                               "type with keywords is not supported by Amber yet")

    def _base_method(self, inst: int, attr: str, sp: int, pc: int, method: bool) -> bool:
        """A method of the builtin type an instance of a subclass of it holds a value
        of (l.append, super().append): bound to that value, replacing the object at
        S[sp - 1] (True); False when it is not one."""
        st = self.st
        bt, bv = int(st.H[inst, L.C]), int(st.H[inst, L.D])
        mid = METHOD_ID.get((L.INT if bt in (L.BOOL, L.BIGINT) else bt, attr))
        if bt == L.UNDEF or mid is None:
            return False
        if method:
            self._grow_stack(sp + 2)
            st = self.st
            st.S[sp - 1, 0], st.S[sp - 1, 1] = L.METHOD, mid
            st.S[sp, 0], st.S[sp, 1] = bt, bv
            st.R[L.R_SP] = sp + 1
            st.F[int(st.R[L.R_FP]), L.FR_PC] = pc + 1
            return True
        self.ensure(1, 0, 0)
        b = objects.new_bound(self.p, bt, bv, L.METHOD, mid)
        self._set_result(sp - 1, Raw(L.BOUND, int(b)), pc)
        return True

    def _base_type_attr(self, bid: int, arg: int, sp: int, pc: int, method: bool) -> bool:
        """A special method read from a builtin type that scripts subclass (list.__init__,
        str.__repr__): the function of module __amber_bases that implements it, which
        takes the type's values and its subclasses' instances alike (True); False when
        the program has no such function."""
        mixin = self._bases_global("_" + BUILTINS[bid])
        if mixin is None or mixin[0] != L.CLASS:
            return False
        ft, fv, _ = objects.mro_lookup(self.p, mixin[1], int(self.st.K[arg, 1]), -1)
        if int(ft) == L.WRAPPER:        # __new__, a staticmethod
            ft, fv = objects.wrapped(self.p, int(fv), 0)
        if int(ft) != L.FUNC:
            return False
        self._set_result(sp - 1, Raw(L.FUNC, int(fv)), pc, method)
        return True

    def _first_base(self, cls: int):
        """A class's __base__: its first base (object when it names none)."""
        bases = int(self.st.H[cls, L.D])
        if self.st.H[bases, L.B] == 0:
            return Raw(L.BUILTIN, BUILTIN_ID["object"])
        off = int(self.st.H[bases, L.A])
        return Raw(int(self.st.V[off, 0]), int(self.st.V[off, 1]))

    def _builtin_type_attr(self, bid: int, attr: str, sp: int, pc: int, method: bool) -> bool:
        """dict.fromkeys, and the class attributes of a builtin type that name other
        builtin types (int.__bases__, object.__base__, bool.__mro__)."""
        name = BUILTINS[bid]
        if name == "object" and attr in ("__new__", "__init__") or \
                attr == "__new__" and is_exception_type(bid):
            self._set_result(sp - 1, self._object_slot(attr, is_exception_type(bid)), pc,
                             method)
            return True
        if name == "dict" and attr == "fromkeys":
            fid = BUILTIN_ID["__amber_dict_fromkeys"]
            slot = L.P_BUILTINS + fid
            if fid < self.st.R[L.R_NBSLOTS] and self.st.G[slot, 0] == L.FUNC:
                self._set_result(sp - 1, Raw(L.FUNC, int(self.st.G[slot, 1])), pc, method)
                return True
            return False
        pytype = getattr(py_builtins, name, None)
        if attr not in ("__bases__", "__base__", "__mro__") or not isinstance(pytype, type) \
                or name in INTERNAL:
            return False
        found = getattr(pytype, attr)
        types = (found,) if attr == "__base__" else found
        if any(t is not None and _builtin_type_id(t) is None for t in types):
            return False
        refs = tuple(None if t is None else Raw(L.BUILTIN, _builtin_type_id(t)) for t in types)
        self._complete(sp - 1, refs[0] if attr == "__base__" else refs, pc)
        if method:
            self._set_result(sp - 1, Raw(int(self.st.S[sp - 1, 0]), int(self.st.S[sp - 1, 1])),
                             pc, True)
        return True

    def _object_slot(self, attr: str, exc: bool = False) -> Raw:
        """object.__new__ (a builtin that makes an instance without running
        __init__), BaseException.__new__ (exc) or object.__init__ (the prelude's
        function that does nothing)."""
        if attr == "__new__" and exc:
            return Raw(L.BUILTIN, BUILTIN_ID["__amber_exc_new"])
        if attr == "__new__":
            return Raw(L.BUILTIN, BUILTIN_ID["__amber_object_new"])
        fid = self._prelude_function("_object_init")
        if fid is None:
            raise _ScriptException("AttributeError", "object.__init__ needs the prelude")
        return Raw(L.FUNC, fid)

    def _value_type(self, t: int, v: int):
        """type(x) of a value that is not an instance, class or exception, as a Raw
        builtin type (None when Amber has no name for it)."""
        st = self.st
        bid = int(natives.type_of(t))
        if bid >= 0:
            return Raw(L.BUILTIN, bid)
        if t == L.ITER and int(st.H[v, L.A]) in _ITER_TYPES:
            return Raw(L.BUILTIN, BUILTIN_ID[_ITER_TYPES[int(st.H[v, L.A])]])
        if t == L.BOUND:
            return Raw(L.BUILTIN, BUILTIN_ID["method" if st.H[v, L.C] == L.FUNC
                                              else "builtin_function_or_method"])
        if t == L.WRAPPER:
            return Raw(L.BUILTIN, BUILTIN_ID[("staticmethod", "classmethod",
                                              "property")[int(st.H[v, L.A])]])
        if t == L.SUPER:
            return Raw(L.BUILTIN, BUILTIN_ID["super"])
        if t == L.METHOD or t == L.BUILTIN and not isinstance(
                getattr(py_builtins, BUILTINS[v], None), type) and BUILTINS[v] not in (
                "NoneType", "function", "generator", "module", "NotImplemented", "Ellipsis"):
            return Raw(L.BUILTIN, BUILTIN_ID["builtin_function_or_method"])
        if t == L.BUILTIN:
            return Raw(L.BUILTIN, BUILTIN_ID["type"])
        return None

    def _code_name(self, t: int, v: int, attr: str):
        """__name__ / __qualname__ of a function, a generator or a bound method (from
        its code object), else None."""
        if attr not in ("__name__", "__qualname__"):
            return None
        H = self.st.H
        if t == L.BOUND and H[v, L.C] == L.FUNC:
            t, v = L.FUNC, int(H[v, L.D])
        if t == L.GEN:
            t, v = L.FUNC, int(H[v, L.A])
        if t != L.FUNC:
            return None
        co = self.program.codes[int(H[v, L.A])]
        return co.name if attr == "__name__" else co.qualname

    def _load_attr_fallback(self, arg: int, sp: int, pc: int, method: bool):
        """Attribute reads the numba code leaves to the host: special attributes,
        builtin methods read as values, __getattr__, and AttributeError."""
        st = self.st
        attr = self.program.consts[arg]
        t, v = int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1])
        if t == L.BUILTIN and (TYPE_TAG.get(BUILTINS[v]), attr) in METHOD_ID:
            # a method read from its type (str.lower): called with the receiver first
            self._set_result(sp - 1, Raw(L.METHOD, METHOD_ID[(TYPE_TAG[BUILTINS[v]], attr)]),
                             pc, method)
            return
        if t == L.BUILTIN and self._builtin_type_attr(v, attr, sp, pc, method):
            return
        if t == L.BUILTIN and BUILTINS[v] in VALUE_BASES and self._base_type_attr(
                v, arg, sp, pc, method):
            return
        H = st.H
        if t in (L.INSTANCE, L.EXC, L.CLASS):
            found = self._descriptor(t, v, int(st.K[arg, 1]))
            if found is not None:
                obj = Raw(L.NONE, 0) if t == L.CLASS else Raw(t, v)
                self._call_prelude_fn("_desc_get", [found[0], obj, Raw(L.CLASS, found[1]),
                                                    Raw(L.STR, int(st.K[arg, 1]))],
                                      sp, sp - 1, pc, L.RET_ATTR_PAIR if method else 0)
                return
        if attr == "__class__" and t not in (L.INSTANCE, L.EXC, L.CLASS):
            kind = self._value_type(t, v)
            if kind is not None:
                self._set_result(sp - 1, kind, pc, method)
                return
        named = self._code_name(t, v, attr)
        if named is not None:
            self._complete(sp - 1, named, pc)
            if method:
                self._set_result(sp - 1, Raw(int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1])), pc, True)
            return
        cls = int(objects.class_of(self.p, t, v))
        if t == L.CLASS:
            special = {"__name__": lambda: Raw(L.STR, int(H[v, L.A])),
                       "__mro__": lambda: Raw(L.TUPLE, int(H[v, L.C])),
                       "__bases__": lambda: Raw(L.TUPLE, int(H[v, L.D])),
                       "__base__": lambda: self._first_base(v),
                       "__dict__": lambda: Raw(L.DICT, int(H[v, L.B])),
                       "__class__": lambda: Raw(L.BUILTIN, BUILTIN_ID["type"])}
            if attr in special:
                self._set_result(sp - 1, special[attr](), pc, method)
                return
            if attr in ("__new__", "__init__") and H[v, L.E] == BUILTIN_ID["object"] or \
                    attr == "__new__" and is_exception_type(int(H[v, L.E])):
                self._set_result(sp - 1, self._object_slot(
                    attr, is_exception_type(int(H[v, L.E]))), pc, method)
                return
            if attr == "__doc__":
                self._complete(sp - 1, None, pc)
                if method:
                    self._set_result(sp - 1, Raw(L.NONE, 0), pc, True)
                return
            raise _ScriptException("AttributeError", f"type object '{self._class_name(v)}' "
                                   f"has no attribute '{attr}'")
        if t in (L.INSTANCE, L.EXC):
            if attr == "__class__":
                if cls >= 0:
                    self._set_result(sp - 1, Raw(L.CLASS, cls), pc, method)
                else:
                    bid = int(H[v, L.A]) if t == L.EXC else BUILTIN_ID["object"]
                    self._set_result(sp - 1, Raw(L.BUILTIN, bid), pc, method)
                return
            if attr == "__dict__" and t == L.INSTANCE and cls >= 0:
                self._set_result(sp - 1, Raw(L.DICT, int(H[v, L.B])), pc, method)
                return
            if t == L.EXC and attr == "args":
                self._set_result(sp - 1, Raw(L.TUPLE, int(H[v, L.B])), pc, method)
                return
            if t == L.EXC and attr in ("__cause__", "__suppress_context__"):
                # not set by a `raise ... from` (the prelude's _raise_from sets both)
                self._set_result(sp - 1, Raw(L.NONE, 0) if attr == "__cause__" else
                                 Raw(L.BOOL, 0), pc, method)
                return
            if t == L.EXC and attr == "value" and _is_subclass(int(H[v, L.A]), "StopIteration"):
                args = int(H[v, L.B])       # a StopIteration subclass's value: args[0]
                off = int(H[args, L.A])
                first = Raw(int(st.V[off, 0]), int(st.V[off, 1])) if H[args, L.B] else Raw(L.NONE, 0)
                self._set_result(sp - 1, first, pc, method)
                return
            if t == L.EXC and attr == "code" and _is_subclass(int(H[v, L.A]), "SystemExit"):
                args = int(H[v, L.B])       # SystemExit.code: None, args[0] or args
                off = int(H[args, L.A])
                n = int(H[args, L.B])
                code = Raw(int(st.V[off, 0]), int(st.V[off, 1])) if n == 1 else \
                    Raw(L.NONE, 0) if n == 0 else Raw(L.TUPLE, args)
                self._set_result(sp - 1, code, pc, method)
                return
            if t == L.EXC and attr in ("errno", "strerror") and _is_subclass(int(H[v, L.A]),
                                                                            "OSError"):
                args = int(H[v, L.B])       # OSError(errno, strerror, ...): else None
                off = int(H[args, L.A]) + (attr == "strerror")
                item = Raw(int(st.V[off, 0]), int(st.V[off, 1])) if H[args, L.B] >= 2 \
                    else Raw(L.NONE, 0)
                self._set_result(sp - 1, item, pc, method)
                return
            if t == L.INSTANCE and self._base_method(v, attr, sp, pc, method):
                return
            if t == L.INSTANCE and attr in ("__new__", "__init__") and cls >= 0 \
                    and H[cls, L.E] == BUILTIN_ID["object"]:
                slot = self._object_slot(attr)
                if attr == "__init__":
                    self.ensure(1, 0, 0)
                    slot = Raw(L.BOUND, int(objects.new_bound(self.p, t, v, slot.tag, slot.val)))
                self._set_result(sp - 1, slot, pc, method)
                return
            if cls >= 0:
                hook = objects.special_lookup(self.p, t, v, L.N_GETATTR)
                if int(hook[0]) == L.FUNC:
                    self._grow_stack(sp + 8)
                    st = self.st
                    st.S[sp, 0], st.S[sp, 1] = t, v
                    st.S[sp + 1, 0], st.S[sp + 1, 1] = st.K[arg, 0], st.K[arg, 1]
                    self._run_status(interp.call_function_at(
                        self.p, int(hook[1]), sp, 2, sp - 1, pc + 1,
                        L.RET_ATTR_PAIR if method else 0))
                    return
                raise _ScriptException("AttributeError", f"'{self._class_name(cls)}' object "
                                       f"has no attribute '{attr}'")
        if t == L.SUPER:
            if attr in ("__thisclass__", "__self__", "__self_class__"):
                selft, selfv = int(H[v, L.B]), int(H[v, L.C])
                value = {"__thisclass__": Raw(L.CLASS, int(H[v, L.A])),
                         "__self__": Raw(selft, selfv),
                         "__self_class__": Raw(L.CLASS, selfv) if selft == L.CLASS else
                         Raw(L.CLASS, int(objects.class_of(self.p, selft, selfv)))}[attr]
                self._set_result(sp - 1, value, pc, method)
                return
            if int(H[v, L.B]) == L.INSTANCE and self._base_method(int(H[v, L.C]), attr, sp,
                                                                  pc, method):
                return
            if attr == "__new__" and int(H[v, L.B]) in (L.INSTANCE, L.CLASS, L.EXC):
                selft, selfv = int(H[v, L.B]), int(H[v, L.C])
                of = selfv if selft == L.CLASS else int(objects.class_of(self.p, selft, selfv))
                exc = of >= 0 and is_exception_type(int(H[of, L.E]))
                self._set_result(sp - 1, self._object_slot(attr, exc), pc, method)
                return
            if attr == "__init__":      # a builtin base's __init__ (object, exceptions)
                self.ensure(1, 0, 0)
                b = objects.new_bound(self.p, int(H[v, L.B]), int(H[v, L.C]), L.BUILTIN,
                                      BUILTIN_ID["__amber_new"])
                self._set_result(sp - 1, Raw(L.BOUND, int(b)), pc, method)
                return
            raise _ScriptException("AttributeError", f"'super' object has no attribute '{attr}'")
        if t == L.BOUND:
            if attr == "__self__":
                self._set_result(sp - 1, Raw(int(H[v, L.A]), int(H[v, L.B])), pc, method)
                return
            if attr == "__func__":
                self._set_result(sp - 1, Raw(int(H[v, L.C]), int(H[v, L.D])), pc, method)
                return
        if t == L.WRAPPER:
            kind = int(H[v, L.A])
            if kind == L.WR_PROPERTY and attr in ("setter", "getter", "deleter"):
                bid = BUILTIN_ID["property"]
                self.ensure(1, 0, 0)
                b = objects.new_bound(self.p, t, v, L.BUILTIN, bid)
                self.st.H[b, L.E] = ("getter", "setter", "deleter").index(attr)
                self._set_result(sp - 1, Raw(L.BOUND, int(b)), pc, method)
                return
            if attr in ("__func__", "fget") and kind != L.WR_PROPERTY or attr == "fget":
                it = int(H[v, L.B])
                o = int(st.H[it, L.A])
                self._set_result(sp - 1, Raw(int(st.V[o, 0]), int(st.V[o, 1])), pc, method)
                return
        # a builtin method read as a value: a bound method object
        mt = t
        if mt in (L.BIGINT, L.BOOL):
            mt = L.INT
        if 0 <= mt < st.MT.shape[0] and 0 <= arg < st.MT.shape[1] and st.MT[mt, arg] >= 0:
            self.ensure(1, 0, 0)
            b = objects.new_bound(self.p, t, v, L.METHOD, int(self.st.MT[mt, arg]))
            self._set_result(sp - 1, Raw(L.BOUND, int(b)), pc, method)
            return
        if method:
            # the old LOAD_ATTR service knows plain attributes (f.__name__, r.start ...)
            obj = self._value(sp - 1, real=True)
            if attr in _PLAIN_ATTRS:
                result = self._call_python(getattr, obj, attr)
                if result is None or isinstance(result, (str, int, float)):
                    self._complete(sp - 1, result, pc)
                    self._set_result(sp - 1, Raw(int(self.st.S[sp - 1, 0]),
                                                 int(self.st.S[sp - 1, 1])), pc, True)
                    return
            self._call_python(getattr, obj, attr)
            raise _ScriptException("AttributeError", f"'{self._type_name(sp - 1)}' object "
                                   f"has no attribute '{attr}'")
        self._load_attr_service(arg, sp, pc)

    def _call_bound_builtin(self, op: int, arg: int, sp: int, pc: int):
        """Calling a bound method whose function is a builtin method (lst.append read
        as a value) or a property's setter/getter/deleter."""
        st = self.st
        name = O.OPS[op].name
        kw = name.endswith("_KW")
        ret = self._callee_slot(op, arg, sp)
        b = int(st.S[ret, 1])
        selft, selfv = int(st.H[b, L.A]), int(st.H[b, L.B])
        ft, fv = int(st.H[b, L.C]), int(st.H[b, L.D])
        if ft == L.BUILTIN and selft == L.WRAPPER:    # prop.setter(f) & co
            if arg != 1 or kw:
                raise _ScriptException("TypeError", "expected one argument")
            which = int(st.H[b, L.E])
            w = selfv
            it = int(st.H[w, L.B])
            o = int(st.H[it, L.A])
            parts = [Raw(int(st.V[o + i, 0]), int(st.V[o + i, 1])) for i in range(3)]
            new = Raw(int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1]))
            parts[which] = new
            self._complete(ret, self._new_wrapper(L.WR_PROPERTY, parts), pc)
            return
        if ft == L.BUILTIN and fv == BUILTIN_ID["__amber_new"]:   # object/exception __init__
            if kw and selft == L.EXC:
                raise _ScriptException("TypeError", f"{self._exc_type_name(selfv)}() "
                                       "takes no keyword arguments")
            if kw:
                raise _ScriptException("TypeError", "__init__() takes no keyword arguments")
            if selft == L.EXC:
                args = [Raw(int(st.S[i, 0]), int(st.S[i, 1])) for i in range(sp - arg, sp)]
                self._pins.extend(args)
                self.ensure(1, len(args), 0)
                t, tup = encode(self.st, tuple(args), self.p)
                self.st.H[selfv, L.B] = tup
            elif arg:
                raise _ScriptException("TypeError", "object.__init__() takes exactly one "
                                       "argument (the instance to initialize)")
            self._complete(ret, None, pc)
            return
        if ft != L.METHOD:
            raise _ScriptException("TypeError", "this bound method cannot be called by Amber yet")
        # rearrange into CALL_METHOD's layout: METHOD self args [names]
        self._grow_stack(sp + 8)
        st = self.st
        if name.startswith("CALL_METHOD"):
            top = sp
        else:
            for i in range(sp - 1, ret, -1):
                st.S[i + 1] = st.S[i]
            top = sp + 1
        st.S[ret, 0], st.S[ret, 1] = L.METHOD, fv
        st.S[ret + 1, 0], st.S[ret + 1, 1] = selft, selfv
        st.R[L.R_SP] = top
        if kw:
            kwnames = list(self._value(top - 1))
            self._method_service(fv, arg, kwnames, top - 1, pc)
            return
        while True:
            status = natives.call_method(self.p, fv, top, arg)
            if status == L.ST_NEED_MEMORY:
                self._make_room()
                continue
            break
        st = self.st
        if status == L.ST_RUNNING:
            st.R[L.R_SP] = top - arg - 1
            st.F[int(st.R[L.R_FP]), L.FR_PC] = pc + 1
        elif status == L.ST_SERVICE:
            self._method_service(fv, arg, [], top, pc)
        elif status == L.ST_RAISE:
            raise _VMRaised()

    def _new_wrapper(self, kind: int, parts: list) -> Raw:
        self.ensure(2, len(parts), 0)
        self._pins.extend(p for p in parts if isinstance(p, Raw))
        t, tup = encode(self.st, tuple(parts), self.p)
        row = heap.new_obj(self.p, L.WRAPPER)
        self.st.H[row, L.A] = kind
        self.st.H[row, L.B] = tup
        return Raw(L.WRAPPER, int(row))

    def _build_class(self, sp: int, pc: int):
        """BUILD_CLASS: name bases ns -> class, with CPython's C3 method order."""
        st = self.st
        name_row = int(st.S[sp - 3, 1])
        name = str_of(st, name_row)
        brow = int(st.S[sp - 2, 1])
        ns = int(st.S[sp - 1, 1])
        off = int(st.H[brow, L.A])
        bases = [(int(st.V[off + i, 0]), int(st.V[off + i, 1])) for i in range(int(st.H[brow, L.B]))]
        obj = (L.BUILTIN, BUILTIN_ID["object"])
        seqs = []
        for t, v in bases:
            if t == L.CLASS:
                mo = int(st.H[v, L.C])
                o = int(st.H[mo, L.A])
                seqs.append([(int(st.V[o + i, 0]), int(st.V[o + i, 1]))
                             for i in range(int(st.H[mo, L.B]))])
            elif t == L.BUILTIN and (v == obj[1] or is_exception_type(v)):
                chain = []
                bid = v
                while bid >= 0 and bid != obj[1]:
                    chain.append((L.BUILTIN, bid))
                    bid = int(EXC_PARENT_ID[bid])
                seqs.append(chain + [obj])
            elif t == L.BUILTIN and BUILTINS[v] in VALUE_BASES:
                # the methods of the builtin type come from a class of module
                # __amber_bases, which the compiler imports for such a class statement
                mixin = self._bases_global("_" + BUILTINS[v])
                if mixin is None or mixin[0] != L.CLASS:
                    raise _ScriptException("TypeError", f"Amber classes can derive from "
                                           f"'{BUILTINS[v]}' only where the class statement "
                                           f"names it among its bases")
                seqs.append([mixin, (L.BUILTIN, v), obj])
            elif t == L.BUILTIN:
                raise _ScriptException("TypeError", f"Amber classes cannot derive from "
                                       f"'{BUILTINS[v]}' yet")
            else:
                raise _ScriptException("TypeError", "bases must be types")
        if len(set(bases)) != len(bases):
            dup = next(b for b in bases if bases.count(b) > 1)
            raise _ScriptException("TypeError", f"duplicate base class {self._type_label(dup)}")
        if not bases:
            seqs = [[obj]]
        mro = _c3([list(s) for s in seqs] + [list(bases)])
        if isinstance(mro, tuple):      # (the heads C3 could not order)
            raise _ScriptException("TypeError", "Cannot create a consistent method resolution\n"
                                   "order (MRO) for bases " + ", ".join(
                                       self._type_label(b) for b in mro))
        builtin_bases = [v for t, v in mro if t == L.BUILTIN and v != obj[1]]
        for a, b in zip(builtin_bases, builtin_bases[1:]):
            if int(EXC_PARENT_ID[a]) != b:
                raise _ScriptException("TypeError", "multiple bases have instance lay-out conflict")
        base_bid = builtin_bases[0] if builtin_bases else obj[1]
        self.ensure(3, len(mro) + 4 + len(bases) + int(heap.dict_set_need(self.p, ns)), 0)
        st = self.st
        row = heap.new_obj(self.p, L.CLASS)
        self._pins.append(Raw(L.CLASS, int(row)))
        mro_t = encode(st, tuple(Raw(*m) for m in [(L.CLASS, int(row))] + mro), self.p)
        bases_t = encode(st, tuple(Raw(*b) for b in (bases or [obj])), self.p)
        st = self.st
        st.H[row, L.A] = name_row
        st.H[row, L.B] = ns
        st.H[row, L.C] = mro_t[1]
        st.H[row, L.D] = bases_t[1]
        st.H[row, L.E] = base_bid
        self._implicit_hash_none(row, ns)
        st.H[row, L.F] = (L.CLASS_KEYS_BY_VALUE if self._keys_by_value(row) else
                          L.CLASS_EQ_BY_SCRIPT if self._eq_by_script(row) else 0)
        if (base_bid == BUILTIN_ID["object"] or is_exception_type(base_bid)) and \
                self._defines_first(row, "__new__"):
            st.H[row, L.F] |= L.CLASS_NEW_BY_SCRIPT
        if any(self._defines_first(row, d) for d in ("__get__", "__set__", "__delete__")):
            st.H[row, L.F] |= L.CLASS_DESCRIPTOR
        self._static_new(ns)
        key = self._const_str_row("__classcell__")
        if key is not None:
            e = int(heap.dict_get(self.p, ns, L.STR, key))
            off = int(st.H[ns, L.A]) + 2 * e + 1
            if e >= 0 and st.V[off, 0] == L.CELL:
                c = int(st.V[off, 1])
                st.H[c, L.A] = L.CLASS
                st.H[c, L.B] = row
                heap.dict_delete_entry(self.p, ns, e)
        if self._wants_set_name(ns):
            self._call_prelude_fn("_set_names", [Raw(L.CLASS, int(row))], sp, sp - 3, pc, 0)
            return
        self._set_result(sp - 3, Raw(L.CLASS, int(row)), pc)

    def _wants_set_name(self, ns: int) -> bool:
        """Whether a value of class namespace ns is an instance whose class defines
        __set_name__ (type() then calls it)."""
        st = self.st
        off = int(st.H[ns, L.A])
        for e in range(int(st.H[ns, L.B])):
            if st.V[off + 2 * e, 0] == L.UNDEF or st.V[off + 2 * e + 1, 0] != L.INSTANCE:
                continue
            cls = int(st.H[int(st.V[off + 2 * e + 1, 1]), L.A])
            if cls >= 0 and self._defines_first(cls, "__set_name__"):
                return True
        return False

    def _descriptor(self, t: int, v: int, name_row: int):
        """The descriptor (an instance whose class defines __get__, __set__ or
        __delete__) that the class of (t, v), or class v itself, holds as attribute
        name_row, with that class: (Raw, class row); else None."""
        st = self.st
        cls = v if t == L.CLASS else int(objects.class_of(self.p, t, v))
        if cls < 0:
            return None
        at, av, _ = objects.mro_lookup(self.p, cls, name_row, -1)
        if int(at) != L.INSTANCE or not fastpath.is_descriptor(self.p, int(av)):
            return None
        return Raw(L.INSTANCE, int(av)), cls

    def _defines_first(self, row: int, name: str) -> bool:
        """Whether a script class of class row's MRO defines `name` before any
        builtin type or class of module __amber_bases does."""
        st = self.st
        key = self._const_str_row(name)
        if key is None:
            return False
        mro = int(st.H[row, L.C])
        off = int(st.H[mro, L.A])
        for i in range(int(st.H[mro, L.B])):
            if st.V[off + i, 0] != L.CLASS:
                return False
            c = int(st.V[off + i, 1])
            if class_module(st, c) == "__amber_bases":
                return False
            if int(heap.dict_get(self.p, int(st.H[c, L.B]), L.STR, key)) >= 0:
                return True
        return False

    def _eq_by_script(self, row: int) -> bool:
        """Whether the __eq__ of class row's instances is a script's (the first class
        of its MRO that defines __eq__ is a script class): == inside containers,
        `in` and list.index/count/remove then run in the prelude (heap.needs_script_eq)."""
        return self._defines_first(row, "__eq__")

    def _keys_by_value(self, row: int) -> bool:
        """Whether the instances of class row are, as dict keys and set elements, the
        value of a builtin type they hold (heap.key_value): it is a class of module
        __amber_bases, or derives from one and neither it nor a class before that one
        in its MRO defines __hash__ or __eq__."""
        st = self.st
        names = [k for k in (self._const_str_row("__hash__"), self._const_str_row("__eq__"))
                 if k is not None]
        mro = int(st.H[row, L.C])
        off = int(st.H[mro, L.A])
        for i in range(int(st.H[mro, L.B])):
            if st.V[off + i, 0] != L.CLASS:
                continue
            c = int(st.V[off + i, 1])
            if class_module(st, c) == "__amber_bases":
                return True
            if any(int(heap.dict_get(self.p, int(st.H[c, L.B]), L.STR, k)) >= 0 for k in names):
                return False
        return False

    def _implicit_hash_none(self, row: int, ns: int):
        """A class body that defines __eq__ but not __hash__ gets __hash__ = None, as
        CPython's type() gives it: its instances are unhashable (room for the entry
        was reserved with the class)."""
        eq, h = self._const_str_row("__eq__"), self._const_str_row("__hash__")
        if eq is None or h is None or class_module(self.st, row) == "__amber_bases":
            return
        if int(heap.dict_get(self.p, ns, L.STR, eq)) >= 0 and \
                int(heap.dict_get(self.p, ns, L.STR, h)) < 0:
            heap.dict_set(self.p, ns, L.STR, h, L.NONE, 0)

    def _static_new(self, ns: int):
        """A function named __new__ in a class body is a static method (as CPython's
        type() makes it)."""
        key = self._const_str_row("__new__")
        if key is None:
            return
        e = int(heap.dict_get(self.p, ns, L.STR, key))
        if e < 0:
            return
        off = int(self.st.H[ns, L.A]) + 2 * e + 1
        if self.st.V[off, 0] == L.FUNC:
            w = self._new_wrapper(L.WR_STATIC, [Raw(L.FUNC, int(self.st.V[off, 1]))])
            off = int(self.st.H[ns, L.A]) + 2 * e + 1      # (a collection moves rows)
            self.st.V[off, 0], self.st.V[off, 1] = w.tag, w.val

    def _bases_global(self, name: str):
        """Global `name` of module __amber_bases (subclasses of builtin types), as
        (tag, payload), or None when the program does not have the module."""
        try:
            slot = self.program.globals.index("<__amber_bases>." + name)
        except ValueError:
            return None
        return int(self.st.G[slot, 0]), int(self.st.G[slot, 1])

    def _new_base_instance(self, op: int, arg: int, sp: int, pc: int):
        """A call of a subclass of a builtin type (class L(list)) or of a class with a
        script __new__: the class, the positional arguments as a tuple and the keywords
        as a dict go to the prelude's _construct, which runs __new__ and __init__ in
        the script; its result replaces the callee."""
        st = self.st
        name = O.OPS[op].name
        if self._prelude_function("_construct") is None:
            raise _ScriptException("TypeError", "this class cannot be instantiated")
        if name == "RAISE_VARARGS":     # raise E: E() replaces the class, the raise runs again
            fid = self._prelude_function("_raise_class")
            if st.S[sp - 1, 0] != L.CLASS or fid is None:
                raise _ScriptException("SystemError", "raise: the class to instantiate is missing")
            self._grow_stack(sp + 8)
            self.st.S[sp] = self.st.S[sp - 1]
            self._run_status(interp.call_function_at(self.p, fid, sp, 1, sp - 1, pc, 0))
            return
        if name == "CALL_EX":
            has_kw = arg & 1
            ts = sp - 1 - has_kw
            ret = ts - 1 - ((arg >> 1) & 1)
            args = Raw(L.TUPLE, int(st.S[ts, 1]))
            if has_kw:
                kw = Raw(L.DICT, int(st.S[sp - 1, 1]))
            else:
                self.ensure(*needs({}))
                kw = Raw(*encode(self.st, {}, self.p))
        else:
            ret = self._callee_slot(op, arg, sp)
            kwnames = list(self._value(sp - 1)) if name.endswith("_KW") else []
            first = ret + 1
            if name.startswith("CALL_METHOD") and st.S[first, 0] == L.UNDEF:
                first += 1
            vals = [Raw(int(st.S[i, 0]), int(st.S[i, 1]))
                    for i in range(first, sp - (1 if kwnames else 0))]
            npos = len(vals) - len(kwnames)
            objs, nvals, chars = needs((tuple(vals[:npos]), dict(zip(kwnames, vals[npos:]))))
            self.ensure(objs, nvals, chars)
            args = Raw(*encode(self.st, tuple(vals[:npos]), self.p))
            self._pins.append(args)
            self.ensure(objs, nvals, chars)
            kw = Raw(*encode(self.st, dict(zip(kwnames, vals[npos:])), self.p))
        st = self.st
        cls = int(st.S[ret, 1])
        self._grow_stack(sp + 8)
        self._run_status(interp.call_prelude(
            self.p, self.program.globals.index(L.PRELUDE_PREFIX + "_construct"), 3,
            L.CLASS, cls, args.tag, args.val, kw.tag, kw.val, sp, ret, pc + 1, 0))

    def _type_label(self, tv) -> str:
        t, v = tv
        return self._class_name(v) if t == L.CLASS else BUILTINS[v]

    def _const_str_row(self, text: str):
        """The str object of a constant of the program, or None if it has none."""
        for i, c in enumerate(self.program.consts):
            if isinstance(c, str) and c == text:
                return int(self.st.K[i, 1])
        return None

    # ---- errors ---------------------------------------------------------------

    def _raise_from_vm(self) -> bool:
        """The loop reported an error or a raise: unwind to a handler (True) or fail."""
        st = self.st
        err = int(st.R[L.R_ERR])
        if err == L.ERR_EXCEPTION:
            sp = int(st.R[L.R_SP])
            exc = Raw(int(st.S[sp - 1, 0]), int(st.S[sp - 1, 1]))
            op, _ = O.decode(int(st.CODE[int(st.F[int(st.R[L.R_FP]), L.FR_PC])]))
            if op != O.RERAISE:
                self._remember_traceback(exc)
            if self._unwind(exc):
                return True
            self._uncaught(*self._exception_text(exc), self._traceback_of(exc))
            status = self._exit_status(exc)
            if status is not None:
                self.error.exit_code = status[0]
                self.error.exit_message = self.error.message if status[1] else None
            return False
        try:
            type_name, message = self._describe_error()
        except NeedsUserCode:
            # the failing builtin met a script object (min() of instances, ...): run
            # the prelude's version of the instruction instead
            st.R[L.R_ERR] = L.ERR_NONE
            try:
                self._redirect_to_prelude()
                return True
            except _ScriptException as e:
                type_name, message = e.type_name, e.message
        except _ScriptException as e:
            type_name, message = e.type_name, e.message
        except (ValueError, OverflowError, MemoryError) as e:   # e.g. a too-long int repr
            type_name, message = type(e).__name__, str(e)
        args = [Raw(int(st.R[L.R_ERR_B]), int(st.R[L.R_ERR_C]))] if err == L.ERR_KEY else None
        if err == L.ERR_STOP_ITERATION and int(st.R[L.R_ERR_A]) == 1:   # a generator's return
            args = [] if int(st.R[L.R_ERR_B]) == L.NONE else \
                [Raw(int(st.R[L.R_ERR_B]), int(st.R[L.R_ERR_C]))]
        self._fail(type_name, message, args)
        return self.error is None

    def _fail_from_vm(self):
        """A numba helper called by a service reported an error (ST_RAISE with R_ERR*
        set): raise it as the script's exception, with CPython's type and message."""
        st = self.st
        err = int(st.R[L.R_ERR])
        if getattr(self, "_describing", False):     # an error while describing one
            raise _ScriptException("SystemError", "error while reporting an error")
        self._describing = True
        try:
            type_name, message = self._describe_error()
        finally:
            self._describing = False
        args = [Raw(int(st.R[L.R_ERR_B]), int(st.R[L.R_ERR_C]))] if err == L.ERR_KEY else None
        st.R[L.R_ERR] = L.ERR_NONE
        raise _ScriptException(type_name, message, args)

    def _fail(self, type_name: str, message: str, args=None):
        """Raise CPython's exception type_name(message) in the script: the innermost
        handler gets it, or the script ends with a traceback."""
        bid = BUILTIN_ID.get(type_name, -1)
        if is_exception_type(bid) and type_name != "SystemError":   # a broken VM state is fatal
            if args is None:
                args = [message] if message else []
            try:
                exc = self._new_exception(bid, args)
            except _ScriptException:
                exc = None      # no memory left even for the exception object
            if exc is not None:
                self._remember_traceback(exc)
                if self._unwind(exc):
                    return
        self._uncaught(type_name, message)

    def _remember_traceback(self, exc: Raw):
        """Record in the exception where it was raised (for the traceback, should it
        be re-raised and never caught): a tuple of (code id, pc) pairs."""
        st = self.st
        fp = int(st.R[L.R_FP])
        pairs = []
        for i in range(fp + 1):
            pc = int(st.F[i, L.FR_PC]) - (1 if i < fp else 0)
            pairs += [int(st.F[i, L.FR_CODE]), pc]
        self._pins.append(exc)
        try:
            self.ensure(1, len(pairs), 0)
        except _ScriptException:
            return      # no room: the traceback will show where it was re-raised
        t, v = encode(self.st, tuple(pairs), self.p)
        self.st.H[exc.val, L.C] = v

    def _traceback_of(self, exc: Raw):
        st = self.st
        row = int(st.H[exc.val, L.C])
        if row < 0:
            return None
        off, n = int(st.H[row, L.A]), int(st.H[row, L.B])
        pairs = [int(x) for x in st.V[off:off + n, 1]]
        return [self._frame_info(pairs[i], pairs[i + 1]) for i in range(0, n, 2)]

    def _new_exception(self, bid: int, args: list) -> Raw:
        plain = [a for a in args if not isinstance(a, Raw)]
        self._pins.extend(a for a in args if isinstance(a, Raw))
        objs, vals, chars = needs(plain)
        self.ensure(objs + 2, vals + len(args), chars)
        t, v = encode(self.st, tuple(args), self.p)
        row = heap.new_obj(self.p, L.EXC)
        self.st.H[row, L.A] = bid
        self.st.H[row, L.B] = v
        self.st.H[row, L.C] = -1
        return Raw(L.EXC, row)

    def _exception_text(self, exc: Raw) -> tuple[str, str]:
        e = decode(self.st, exc.tag, exc.val, self.program)
        if isinstance(e, BaseException):
            return type(e).__name__, str(e)
        return "Exception", repr(e)

    def _unwind(self, exc: Raw) -> bool:
        """Find the innermost handler for an exception raised at the current
        instruction; if there is one, drop the frames above it, truncate its operand
        stack, push exc and jump to the handler.  A generator whose frame is dropped
        is finished (see _leave_generator)."""
        st = self.st
        top = int(st.R[L.R_FP])
        for i in range(top, -1, -1):
            st = self.st
            if i < top and L.RET_GEN_FOR <= int(st.F[i + 1, L.FR_FLAGS]) <= L.RET_GEN_CLOSE:
                exc = self._leave_generator(i + 1, exc)
                if exc is None:
                    return True
                st = self.st
            cid = int(st.F[i, L.FR_CODE])
            co = self.program.codes[cid]
            # a caller's pc is its return address, one past the call instruction
            pc = int(st.F[i, L.FR_PC]) - self._entry[cid] - (0 if i == top else 1)
            for start, end, target, depth in co.handlers:
                if start <= pc < end:
                    sp = int(st.F[i, L.FR_BASE]) + co.nlocals + depth
                    st.S[sp, 0] = exc.tag
                    st.S[sp, 1] = exc.val
                    st.R[L.R_SP] = sp + 1
                    st.R[L.R_FP] = i
                    st.R[L.R_ERR] = L.ERR_NONE
                    st.F[i, L.FR_PC] = self._entry[cid] + target
                    return True
            if co.module == L.STDLIB_MODULE and self.program.modules:
                slot = self._module_body_slot(cid)
                if slot >= 0:   # an import that failed: the next one runs the body again
                    st.G[slot, 0] = L.UNDEF
                    st.G[slot, 1] = 0
            if i > 0 and int(st.F[i, L.FR_FLAGS]) == L.RET_FOR_ITER and self._is_stop(exc):
                # __next__ called by a for loop raised StopIteration: the loop ends
                ret = int(st.F[i, L.FR_RET])
                caller_pc = int(st.F[i - 1, L.FR_PC]) - 1
                op, target = O.decode(int(st.CODE[caller_pc]))
                st.R[L.R_SP] = ret - 1
                st.R[L.R_FP] = i - 1
                st.R[L.R_ERR] = L.ERR_NONE
                st.F[i - 1, L.FR_PC] = target
                return True
        return False

    def _leave_generator(self, i: int, exc: Raw):
        """An exception leaves the generator frame i (not handled there): the
        generator is finished.  Returns the exception that goes on to the frame
        below (a StopIteration becomes RuntimeError, PEP 479), or None when it ends
        there: GeneratorExit leaving a generator that close() closes, which makes
        close() return None."""
        st = self.st
        ret = int(st.F[i, L.FR_RET])
        g = int(st.S[ret, 1])
        st.H[g, L.B] = L.GEN_DONE
        st.H[g, L.C] = st.H[g, L.D] = st.H[g, L.E] = 0
        bid = int(st.H[exc.val, L.A]) if exc.tag == L.EXC else -1
        mode = int(st.F[i, L.FR_FLAGS])
        caller_op = int(st.CODE[int(st.F[i - 1, L.FR_PC]) - 1]) & 0xFF
        if bid >= 0 and _is_subclass(bid, "StopIteration"):
            st.R[L.R_FP] = i - 1    # a traceback ends where the generator was resumed
            st.R[L.R_SP] = ret
            new = self._new_exception(BUILTIN_ID["RuntimeError"],
                                      ["generator raised StopIteration"])
            self._remember_traceback(new)
            return new
        if mode == L.RET_GEN_CLOSE and caller_op != O.SEND and bid >= 0 \
                and _is_subclass(bid, "GeneratorExit"):
            st.S[ret, 0] = L.NONE
            st.S[ret, 1] = 0
            st.R[L.R_SP] = ret + 1
            st.R[L.R_FP] = i - 1
            st.R[L.R_ERR] = L.ERR_NONE
            return None
        return exc

    def _is_stop(self, exc: Raw) -> bool:
        return exc.tag == L.EXC and bool(natives.exc_subclass(
            int(self.st.H[exc.val, L.A]), BUILTIN_ID["StopIteration"]))

    def _exit_status(self, exc: Raw):
        """(exit status, whether CPython prints the message) of an uncaught
        SystemExit, else None."""
        st = self.st
        if exc.tag != L.EXC or not _is_subclass(int(st.H[exc.val, L.A]), "SystemExit"):
            return None
        args = int(st.H[exc.val, L.B])
        n = int(st.H[args, L.B])
        if n == 0:
            return 0, False
        off = int(st.H[args, L.A])
        tag, val = int(st.V[off, 0]), int(st.V[off, 1])
        if n == 1 and tag == L.NONE:
            return 0, False
        if n == 1 and tag in (L.INT, L.BOOL):
            return val & 0xFF, False        # (what a process status keeps)
        return 1, True

    def _uncaught(self, type_name: str, message: str, frames=None):
        if frames is None:
            frames = self.frames()
        lines = ["Traceback (most recent call last):\n"]
        last = None
        repeat = 0
        for fname, line, func in frames:
            if fname in _HIDDEN_FILES:  # the VM's own helpers are not the script's
                continue
            entry = (fname, line, func)
            if entry == last:
                repeat += 1
                if repeat >= 3:
                    continue
            else:
                if repeat >= 3:
                    lines.append(f"  [Previous line repeated {repeat - 2} more time"
                                 f"{'s' if repeat - 2 > 1 else ''}]\n")
                repeat = 0
            last = entry
            lines.append(f'  File "{fname}", line {line}, in {func}\n')
            text = self.program.source_line(line).strip()
            if text:
                lines.append(f"    {text}\n")
        if repeat >= 3:
            lines.append(f"  [Previous line repeated {repeat - 2} more time"
                         f"{'s' if repeat - 2 > 1 else ''}]\n")
        lines.append(f"{type_name}: {message}\n" if message else f"{type_name}\n")
        self.error = ScriptError(type_name, message, frames, "".join(lines))

    def frames(self) -> list:
        """The active frames as (filename, line, function), outermost first."""
        st = self.st
        out = []
        fp = int(st.R[L.R_FP])
        for i in range(fp + 1):
            pc = int(st.F[i, L.FR_PC]) - (1 if i < fp else 0)
            out.append(self._frame_info(int(st.F[i, L.FR_CODE]), pc))
        return out

    def _frame_info(self, cid: int, pc: int) -> tuple:
        """(filename, line, function) of instruction pc (absolute) of code cid."""
        co = self.program.codes[cid]
        local_pc = max(0, min(pc - self._entry[cid], len(co.lines) - 1))
        return co.filename, co.lines[local_pc], co.name

    def _describe_error(self) -> tuple[str, str]:
        """CPython's exception type and message for the error the loop reported."""
        st = self.st
        err = int(st.R[L.R_ERR])
        ea, eb, ec = (int(st.R[L.R_ERR_A]), int(st.R[L.R_ERR_B]), int(st.R[L.R_ERR_C]))
        fp = int(st.R[L.R_FP])
        cid = int(st.F[fp, L.FR_CODE])
        co = self.program.codes[cid]
        if err == L.ERR_NAME:
            return "NameError", f"name '{self.program.globals[ea]}' is not defined"
        if err == L.ERR_UNBOUND_LOCAL:
            name = co.local_names[ea]
            if eb == 1 and name in co.local_names[co.nlocals - co.nfree:]:
                return "NameError", (f"cannot access free variable '{name}' where it is not "
                                     "associated with a value in enclosing scope")
            return "UnboundLocalError", (f"cannot access local variable '{name}' where it is "
                                         "not associated with a value")
        if err == L.ERR_VALUE and ea == 99:
            return "SystemError", f"inconsistent VM state at {O.OPS[eb].name if 0 <= eb < len(O.OPS) else eb}"
        if err == L.ERR_STOP_ITERATION:
            return "StopIteration", ""
        if err == L.ERR_GEN:
            return _gen_error(ea, eb, ec)
        if err == L.ERR_RAISE:
            return _RAISE_ERRORS.get(ea, ("SystemError", "bad raise"))
        if err == L.ERR_RECURSION and ea == 2:
            raise NeedsUserCode()   # an item's __eq__ is script code: the prelude compares
        if err == L.ERR_RECURSION:
            return "RecursionError", ("maximum recursion depth exceeded in comparison" if ea == 1
                                      else "maximum recursion depth exceeded")
        if err == L.ERR_MEMORY:
            return "MemoryError", ""
        if err == L.ERR_VALUE and ea == sets.VAL_SET_CHANGED:
            return "RuntimeError", "Set changed size during iteration"
        if err == L.ERR_UNPACK:
            if ec == 2:
                return "ValueError", f"not enough values to unpack (expected at least {ea}, got {eb})"
            if ec == 1:
                return "ValueError", f"too many values to unpack (expected {ea})"
            return "ValueError", f"not enough values to unpack (expected {ea}, got {eb})"
        if err == L.ERR_ARGS:
            return self._args_error(ea, eb, ec)
        unpacking = self._unpacking_error(err, ea)
        if unpacking is not None:
            return unpacking
        if err == L.ERR_VALUE and ea == arith.VAL_NEG_FRACTIONAL_POW:
            return "ValueError", ("a negative number raised to a fractional power has a "
                                  "complex result, and Amber has no complex numbers")
        if err == L.ERR_UNHASHABLE and any(self._script_key(int(st.S[i, 0]), int(st.S[i, 1]))
                                          for i in range(max(0, int(st.R[L.R_SP]) - 3),
                                                         int(st.R[L.R_SP]))):
            raise NeedsUserCode()   # a key whose hash and == are script code: the prelude
        emulated = self._emulate()
        if emulated is not None:
            return emulated
        if err == L.ERR_UNHASHABLE:
            from .builtins import TAG_NAME
            return "TypeError", f"unhashable type: '{TAG_NAME.get(eb, 'object')}'"
        pc = int(st.F[fp, L.FR_PC])
        op, _ = O.decode(int(st.CODE[pc]))
        return "TypeError", (f"this operation ({O.OPS[op].name.lower()}) is not supported by "
                             "Amber for these values")

    def _args_error(self, cid: int, given: int, detail: int) -> tuple[str, str]:
        """The TypeError CPython gives for a bad call, by calling a stand-in function."""
        co = self.program.codes[cid]
        st = self.st
        sp = int(st.R[L.R_SP])
        pc = int(st.F[int(st.R[L.R_FP]), L.FR_PC])
        op, arg = O.decode(int(st.CODE[pc]))
        fn = self._stand_in(co)
        if fn is None:
            return "TypeError", f"{co.name}() got a bad call"
        name = O.OPS[op].name
        if name == "CALL_EX":     # (only the shape matters: values stay undecoded)
            has_kw = arg & 1
            ts = sp - 1 - has_kw
            args = [None] * int(st.H[int(st.S[ts, 1]), L.B])
            kwargs = {}
            if has_kw:
                for k, _ in self._pairs_of(Raw(st.S[sp - 1, 0], st.S[sp - 1, 1])):
                    kwargs[decode(self.st, k.tag, k.val, self.program)] = None
        else:
            kw = []
            top = sp
            if name in ("CALL_KW", "CALL_METHOD_KW"):
                kw = list(self._value(sp - 1))
                top = sp - 1
            args, kwargs = self._args(top, arg, kw)
        try:
            fn(*args, **kwargs)
        except TypeError as e:
            return "TypeError", str(e)
        return "TypeError", f"{co.name}() got a bad call"

    def _stand_in(self, co):
        """A CPython function with co's signature (defaults None), named like it."""
        names = co.local_names[: co.nargslots]
        if not all(n.isidentifier() and not keyword.iskeyword(n) for n in names):
            return None     # (a hostile snapshot: never exec what is not a plain name)
        np_, nk = co.nparams, co.nkwonly
        parts = []
        for i in range(np_):
            parts.append(names[i] + ("=None" if i >= np_ - co.ndefaults else ""))
            if i == co.nposonly - 1:
                parts.append("/")
        if co.flags & 1:
            parts.append("*" + names[np_ + nk])
        elif nk:
            parts.append("*")
        kwmap = []
        if nk:
            kwmap = [self.program.consts[i] for i in self.program.consts[co.kwdefmap_const][1]]
        for i in range(nk):
            parts.append(names[np_ + i] + ("=None" if kwmap[i] >= 0 else ""))
        if co.flags & 2:
            parts.append("**" + names[np_ + nk + (co.flags & 1)])
        ns: dict = {}
        exec(f"def f({', '.join(parts)}): pass", ns)   # identifiers only (checked above)
        fn = ns["f"]
        fn.__name__ = co.name
        fn.__qualname__ = co.qualname
        return fn

    def _ex_parts(self, sp: int, arg: int):
        """CALL_EX's operands, decoded: (callable, args list, kwargs dict)."""
        has_kw = arg & 1
        ts = sp - 1 - has_kw
        args = list(self._value(ts))
        kwargs = {}
        if has_kw:
            kwargs = dict(self._value(sp - 1))
        return self._value(ts - 1 - ((arg >> 1) & 1), real=True), args, kwargs

    def _callable_str(self, slot: int) -> str:
        """How CPython names a callable in argument-unpacking errors."""
        st = self.st
        tag = int(st.S[slot, 0])
        if tag == L.FUNC:
            return f"__main__.{self.program.codes[int(st.H[int(st.S[slot, 1]), L.A])].qualname}()"
        if tag == L.BUILTIN:
            return f"{BUILTINS[int(st.S[slot, 1])]}()"
        if tag == L.METHOD:
            mtag, mname = METHODS[int(st.S[slot, 1])]
            return f"{TAG_NAME[mtag]}.{mname}()"
        return str(self._value(slot, real=True))

    def _unpacking_error(self, err: int, ea: int) -> tuple[str, str] | None:
        """CPython's messages for *x and **m that cannot be unpacked."""
        st = self.st
        sp = int(st.R[L.R_SP])
        pc = int(st.F[int(st.R[L.R_FP]), L.FR_PC])
        op, arg = O.decode(int(st.CODE[pc]))
        name = O.OPS[op].name
        if name == "LIST_EXTEND" and err == L.ERR_NOT_ITERABLE:
            what = type(self._value(sp - 1, real=True)).__name__
            if arg == 0:
                return "TypeError", f"Value after * must be an iterable, not {what}"
            return "TypeError", (f"{self._callable_str(sp - 2 - arg)} argument after * must "
                                 f"be an iterable, not {what}")
        if name == "DICT_MERGE" and err == L.ERR_TYPE and ea == interp.TYPE_NOT_MAPPING:
            what = type(self._value(sp - 1, real=True)).__name__
            if arg == 0:
                return "TypeError", f"'{what}' object is not a mapping"
            return "TypeError", (f"{self._callable_str(sp - 2 - arg)} argument after ** must "
                                 f"be a mapping, not {what}")
        if name == "DICT_MERGE" and err == L.ERR_TYPE and ea == interp.TYPE_DUP_KEYWORD:
            have = self._value(sp - 2)
            key = next((k for k in self._value(sp - 1) if k in have), "?")
            return "TypeError", (f"{self._callable_str(sp - 2 - arg)} got multiple values "
                                 f"for keyword argument '{key}'")
        return None

    def _emulate(self) -> tuple[str, str] | None:
        """Redo the failed instruction in CPython on copies of its operands."""
        st = self.st
        sp = int(st.R[L.R_SP])
        fp = int(st.R[L.R_FP])
        pc = int(st.F[fp, L.FR_PC])
        op, arg = O.decode(int(st.CODE[pc]))
        name = O.OPS[op].name
        v = lambda k: self._value(sp - k, real=True)  # noqa: E731
        try:
            if name == "BINARY_OP":
                a, b = v(2), v(1)
                fn = _IBINOPS[arg & 15] if arg & 16 else _BINOPS[arg & 15]
                fn(a, b)
            elif name == "UNARY_OP":
                [operator.neg, operator.pos, operator.not_, operator.invert][arg](v(1))
            elif name == "COMPARE_OP":
                _CMPOPS[arg](v(2), v(1))
            elif name == "BINARY_SUBSCR":
                v(2)[v(1)]
            elif name == "STORE_SUBSCR":
                c = v(2)
                c[v(1)] = v(3)
            elif name == "DELETE_SUBSCR":
                c = v(2)
                del c[v(1)]
            elif name in ("GET_ITER", "FOR_ITER"):
                iter(v(1))
            elif name in ("UNPACK_SEQUENCE", "UNPACK_EX"):
                x = v(1)
                if not hasattr(x, "__iter__"):
                    return "TypeError", f"cannot unpack non-iterable {type(x).__name__} object"
                list(x)
            elif name in ("LOAD_METHOD", "LOAD_ATTR"):
                getattr(v(1), self.program.consts[arg])
            elif name == "CALL_EX" and self._ex_call is not None:
                top, n, kw, method = self._ex_call
                args, kwargs = self._args(top, n, kw)
                if method:
                    fn = getattr(self._value(top - n - 1, real=True),
                                 METHODS[int(st.S[top - n - 2, 1])][1])
                else:
                    fn = self._value(top - n - 1, real=True)
                _without_output(fn)(*args, **kwargs)
            elif name == "CALL_EX":
                fn, args, kwargs = self._ex_parts(sp, arg)
                _without_output(fn)(*args, **kwargs)
            elif name in ("CALL", "CALL_METHOD", "CALL_KW", "CALL_METHOD_KW"):
                kw = []
                top = sp
                if name.endswith("_KW"):
                    kw = list(self._value(sp - 1))
                    top = sp - 1
                args, kwargs = self._args(top, arg, kw)
                if name.startswith("CALL_METHOD") and int(st.S[top - arg - 2, 0]) != L.METHOD:
                    fn = self._value(top - arg - 2, real=True)   # from a module
                elif name.startswith("CALL_METHOD"):
                    fn = getattr(self._value(top - arg - 1, real=True),
                                 METHODS[int(st.S[top - arg - 2, 1])][1])
                else:
                    fn = self._value(top - arg - 1, real=True)
                _without_output(fn)(*args, **kwargs)
            elif name in ("BUILD_MAP", "MAP_ADD"):
                k = v(2 if name == "MAP_ADD" else 2 * arg)
                hash(k)
            elif name in ("BUILD_SET", "BUILD_CONST_SET", "BUILD_CONST_FROZENSET"):
                set(v(k) for k in range(arg, 0, -1))
            elif name == "SET_ADD":
                hash(v(1))
            elif name == "LIST_APPEND":
                return None
            else:
                return None
        except RecursionError:
            return "RecursionError", "maximum recursion depth exceeded"
        except NeedsUserCode:
            raise
        except Exception as e:
            return type(e).__name__, str(e)
        return None


def _without_output(fn):
    """fn, for _emulate to call on copies of a failed instruction's operands: print
    writes into a scratch buffer (never to the host's stdout)."""
    if fn is not print:
        return fn

    def quiet_print(*args, **kwargs):
        if "file" in kwargs:
            raise TypeError("print(file=...) is not available in Amber")
        return print(*args, file=io.StringIO(), **kwargs)
    return quiet_print


def _text(v) -> str:
    return v if isinstance(v, str) else str(v)


def _realize(v):
    """Swap builtin references for the real Python builtins (for CPython's messages)."""
    if isinstance(v, BuiltinRef):
        if "." in v.name:
            return stdmod.real_function(v.name)
        if v.name in _UNNAMED_TYPES:
            return _UNNAMED_TYPES[v.name]
        return getattr(py_builtins, v.name, v)      # (Amber's internal ones stay refs)
    return v


# Builtin types that are no builtin names in CPython (reached through type(x)).
_UNNAMED_TYPES = {"NoneType": type(None), "function": type(_realize),
                  "generator": type(x for x in ()), "module": type(py_builtins),
                  "method": type(_realize.__get__(0)), "builtin_function_or_method": type(len)}


def _is_subclass(bid: int, name: str) -> bool:
    """Whether builtin exception type bid is `name` or derives from it."""
    from .builtins import EXC_PARENT_ID
    target = BUILTIN_ID[name]
    while bid >= 0:
        if bid == target:
            return True
        bid = int(EXC_PARENT_ID[bid])
    return False



def _gen_error(ea: int, eb: int, ec: int) -> tuple[str, str]:
    """CPython's exception for a generator error (ERR_GEN)."""
    if ea == L.GENERR_RUNNING:
        return "ValueError", "generator already executing"
    if ea == L.GENERR_IGNORED:
        return "RuntimeError", "generator ignored GeneratorExit"
    if ea == L.GENERR_SEND_FIRST:
        return "TypeError", "can't send non-None value to a just-started generator"
    if ea == L.GENERR_THROW_TYPE:
        if eb < 0:
            return "TypeError", "instance exception may not have a separate value"
        return "TypeError", ("exceptions must be classes or instances deriving from "
                             f"BaseException, not {TAG_NAME.get(eb, 'object')}")
    if ea == L.GENERR_ARGS:
        name = METHODS[eb][1] if 0 <= eb < len(METHODS) else "?"
        if name == "send":
            return "TypeError", f"generator.send() takes exactly one argument ({ec} given)"
        if name == "close":
            return "TypeError", f"generator.close() takes no arguments ({ec} given)"
        if ec < 1:
            return "TypeError", f"throw expected at least 1 argument, got {ec}"
        return "TypeError", f"throw expected at most 3 arguments, got {ec}"
    if ea == L.GENERR_YF_OBJECT:
        return "TypeError", ("'yield from' an iterator of a script class is not supported by "
                             "Amber yet")
    return "SystemError", "bad generator error"


_RAISE_ERRORS = {
    L.RAISE_NOT_EXCEPTION: ("TypeError", "exceptions must derive from BaseException"),
    L.RAISE_NO_ACTIVE: ("RuntimeError", "No active exception to reraise"),
    L.RAISE_BAD_CATCH: ("TypeError", "catching classes that do not inherit from "
                        "BaseException is not allowed"),
    L.RAISE_BAD_CAUSE: ("TypeError", "exception causes must derive from BaseException"),
}
# attributes of builtin values the host may read for a script (plain data only)
# list and tuple methods that compare items with ==: the prelude's versions
_SEQ_SEARCH = {(L.LIST, "index"): "_list_index", (L.TUPLE, "index"): "_tuple_index",
               (L.LIST, "count"): "_seq_count", (L.TUPLE, "count"): "_seq_count",
               (L.LIST, "remove"): "_list_remove",
               # dict and set methods meeting a key with a script __hash__/__eq__
               (L.DICT, "get"): "_dict_get", (L.DICT, "pop"): "_dict_pop",
               (L.DICT, "setdefault"): "_dict_setdefault", (L.SET, "add"): "_set_add",
               (L.SET, "remove"): "_set_remove", (L.SET, "discard"): "_set_discard"}
# instructions that hash a key (Machine._keyed_op)
_KEYED_OPS = frozenset(("BINARY_SUBSCR", "STORE_SUBSCR", "DELETE_SUBSCR", "BUILD_SET",
                        "BUILD_MAP", "SET_ADD", "MAP_ADD"))
# builtins that only look at an iterator argument (the others read its items)
_NON_CONSUMING = frozenset(("type", "repr", "str", "ascii", "format", "hash", "id", "callable",
                            "isinstance", "issubclass", "bool"))
_ITER_TYPES = {L.IT_ZIP: "zip", L.IT_ENUMERATE: "enumerate"}
_OBJECT_ATTRS = frozenset(dir(object))      # what every object has (super() finds them last)


def _builtin_type_id(t):
    """The builtin id of a Python builtin type that scripts know by the same name."""
    name = getattr(t, "__name__", None)
    bid = BUILTIN_ID.get(name)
    if bid is None or name in INTERNAL or getattr(py_builtins, name, None) is not t:
        return None
    return bid


_PLAIN_ATTRS = {"__name__", "__qualname__", "real", "imag", "start", "stop", "step"}
_SAFE_KEYS = {"len", "abs", "str", "repr", "int", "float", "bool", "ord", "chr", "sum", "min",
              "max", "sorted", "tuple", "list"}
_DIGITS = __import__("re").compile(r"\d+")
_SAFE_FORMAT_ATTRS = {"real", "imag", "numerator", "denominator"}
_WIDTH_METHODS = {"ljust", "rjust", "center", "zfill"}

_INT_TAGS = (L.INT, L.BOOL, L.BIGINT)
_SEQ_TAGS = (L.STR, L.LIST, L.TUPLE)
_UNARYOPS = [operator.neg, operator.pos, operator.not_, operator.invert]


def _limbs(x) -> int:
    """Size of a host value in 32-bit limbs, for fuel (ints; anything else counts 1)."""
    if isinstance(x, int):
        return abs(x).bit_length() // 32 + 1
    if isinstance(x, tuple):
        return sum(_limbs(y) for y in x)
    return 1


_BINOPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
           operator.mod, operator.pow, operator.lshift, operator.rshift, operator.and_,
           operator.or_, operator.xor, operator.matmul]
_IBINOPS = [operator.iadd, operator.isub, operator.imul, operator.itruediv,
            operator.ifloordiv, operator.imod, operator.ipow, operator.ilshift,
            operator.irshift, operator.iand, operator.ior, operator.ixor, operator.imatmul]
_CMPOPS = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge,
           lambda a, b: a in b, lambda a, b: a not in b, operator.is_, operator.is_not]


class _VMRaised(Exception):
    """A numba helper the host called reported an error (R_ERR is set)."""


def _c3(seqs: list) -> list | None:
    """C3 linearization of the given lists (bases' MROs, then the bases), or None."""
    out = []
    seqs = [s for s in seqs if s]
    while seqs:
        for s in seqs:
            head = s[0]
            if not any(head in other[1:] for other in seqs):
                break
        else:
            heads = []
            for s in seqs:
                if s[0] not in heads:
                    heads.append(s[0])
            return tuple(heads)
        out.append(head)
        seqs = [[x for x in s if x != head] for s in seqs]
        seqs = [s for s in seqs if s]
    return out


# frames of these files are left out of tracebacks: the prelude, and the modules
# written in Amber (CPython's C modules leave no frame either)
_HIDDEN_FILES = frozenset(["<prelude>"] + [f"<{m}>" for m in AMBER_MODULES])
