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
import operator
import sys

import numpy as np

from . import layout as L
from . import opcodes as O
from . import arith, heap, interp, natives, seq, sets
from .builtins import BUILTINS, METHODS, FIRST_EXCEPTION, EXC_PARENT
from .hostvalues import BuiltinRef, EncodeError, Raw, decode, encode, needs
from .loader import load
from .state import grown, pointers

UNLIMITED = 1 << 62


class Status(enum.Enum):
    """What vm.run() stopped on."""

    FINISHED = "finished"   # the module body returned
    PAUSED = "paused"       # the fuel given to run() is used up; run() again to go on
    ERROR = "error"         # an uncaught exception; see vm.error


class ScriptError(Exception):
    """An uncaught exception in a script: its type name, message and traceback text."""

    def __init__(self, type_name: str, message: str, frames: list, traceback: str):
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name = type_name
        self.message = message
        self.frames = frames          # [(filename, line, function)], outermost first
        self.traceback = traceback    # CPython-style text, ending with a newline


class VMLimitError(Exception):
    """Raised inside the host when a script exceeds a limit (turned into a script error)."""


class _ScriptException(Exception):
    """A Python-level exception to be reported as the script's own."""

    def __init__(self, type_name: str, message: str):
        super().__init__(message)
        self.type_name = type_name
        self.message = message


class Machine:
    """One running script.

    program: a compiled Program.  stdout: where print() writes (any object with
    .write(str)); memory_limit: bytes of VM arrays the script may use;
    recursion_limit: maximum call depth; output_limit: characters print() may write.
    """

    def __init__(self, program, stdout=None, memory_limit: int = 512 << 20,
                 recursion_limit: int = 1000, output_limit: int = 1 << 30, state=None):
        self.program = program
        self.stdout = stdout if stdout is not None else sys.stdout
        self.memory_limit = memory_limit
        self.output_limit = output_limit
        self.output_written = 0
        if state is None:       # a fresh start; snapshots pass their restored state
            state = load(program)
            state.R[L.R_FRAMES_MAX] = recursion_limit
        self.st = state
        self.error: ScriptError | None = None
        self.finished = False
        self._pins: list = []       # values the host holds during a service (GC roots)
        self._p_state = None
        self._p = ()
        self._entry = [int(x) for x in self.st.FN[:, L.FN_ENTRY]]

    # ---- public --------------------------------------------------------------

    @property
    def p(self) -> tuple:
        """The pointer tuple numba code reads the state through (rebuilt when an array
        is replaced: building it costs microseconds, so it is cached)."""
        if self._p_state is not self.st:
            self._p = pointers(self.st)
            self._p_state = self.st
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
        self.st.R[L.R_FUEL] = UNLIMITED if fuel is None else max(0, int(fuel))
        while True:
            status = interp.run(self.p)
            if status == L.ST_SERVICE:
                self._service()
            elif status == L.ST_NEED_MEMORY:
                try:
                    self._make_room()
                except _ScriptException as e:
                    self._fail(e.type_name, e.message)
                    return Status.ERROR
            elif status == L.ST_FINISHED:
                self.finished = True
                return Status.FINISHED
            elif status == L.ST_FUEL:
                return Status.PAUSED
            elif status == L.ST_RAISE:
                self._fail_from_vm()
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
        self.collect()
        st = self.st
        R = st.R
        free_objs = st.H.shape[0] - R[L.R_HTOP] + R[L.R_HLIVE]
        if objs > free_objs or free_objs < st.H.shape[0] // 4:
            self._grow("H", st.H.shape[0] + objs)
        if R[L.R_VTOP] + vals > st.V.shape[0] or R[L.R_VTOP] > 0.75 * st.V.shape[0]:
            self._grow("V", int(R[L.R_VTOP]) + vals)
        if R[L.R_CTOP] + chars > st.CH.shape[0] or R[L.R_CTOP] > 0.75 * st.CH.shape[0]:
            self._grow("CH", int(R[L.R_CTOP]) + chars)

    def collect(self):
        """Run the garbage collector now."""
        st = self.st
        pins = np.array([(r.tag, r.val) for r in self._pins], np.int64).reshape(-1, 2)
        V, CH = heap.collect(self.p, pins, st.V.shape[0], st.CH.shape[0])
        self.st = st._replace(V=V, CH=CH)

    def _grow(self, field: str, rows: int):
        arr = getattr(self.st, field)
        new_rows = max(rows, 2 * arr.shape[0])
        row_bytes = arr.nbytes // max(arr.shape[0], 1)
        if self._bytes_used() - arr.nbytes + new_rows * row_bytes > self.memory_limit:
            # try the exact need before giving up (doubling may overshoot the limit)
            new_rows = rows
            if self._bytes_used() - arr.nbytes + new_rows * row_bytes > self.memory_limit:
                if field == "S" or field == "F":
                    raise _ScriptException("RecursionError", "maximum recursion depth exceeded")
                raise _ScriptException("MemoryError", "")
        self.st = self.st._replace(**{field: grown(arr, new_rows, exact=True)})

    # ---- services -------------------------------------------------------------

    def _service(self):
        try:
            self._service_inner()
        except _ScriptException as e:
            self._fail(e.type_name, e.message)
        except RecursionError:   # decoding data nested deeper than the host's stack
            self._fail("RecursionError", "maximum recursion depth exceeded while getting "
                       "the repr of an object")
        except MemoryError:
            self._fail("MemoryError", "")
        finally:
            self._pins.clear()

    def _service_inner(self):
        st = self.st
        svc = int(st.R[L.R_SERVICE])
        n = int(st.R[L.R_ARGC])
        fp = int(st.R[L.R_FP])
        pc = int(st.F[fp, L.FR_PC])
        op, arg = O.decode(int(st.CODE[pc]))
        sp = int(st.R[L.R_SP])
        if svc == interp.SVC_FORMAT:
            has_spec = arg & 4
            spec = self._value(sp - 1) if has_spec else ""
            value = self._value(sp - 2 if has_spec else sp - 1)
            conv = arg & 3
            if conv == 1:
                value = str(value)
            elif conv == 2:
                value = repr(value)
            elif conv == 3:
                value = ascii(value)
            self._format_guard((), spec)
            text = self._call_python(format, value, spec)
            self._complete(sp - (2 if has_spec else 1), text, pc)
            return
        if svc == interp.SVC_LOAD_ATTR:
            obj = self._value(sp - 1, real=True)
            name = self.program.names[arg]
            self._call_python(getattr, obj, name)
            raise _ScriptException("TypeError", f"reading the attribute '{name}' of a "
                                   f"{type(obj).__name__} is not supported by Amber yet")
        if svc == interp.SVC_BINOP:
            if arg & O.INPLACE and st.S[sp - 2, 0] == L.LIST:
                self._extend_list(sp, pc)
                return
            a = self._value(sp - 2)
            b = self._value(sp - 1)
            self._format_guard(b if isinstance(b, tuple) else (b,), a)
            self._complete(sp - 2, self._call_python(_BINOPS[arg & 15], a, b), pc)
            return
        kwnames = []
        top = sp
        if st.R[L.R_KWNAMES] >= 0:
            kwnames = list(self._value(sp - 1))
            top = sp - 1
        if svc >= 0:
            self._builtin_service(svc, n, kwnames, top, pc)
        else:
            self._method_service(-1 - svc, n, kwnames, top, pc)

    # ---- guards for work done in host Python ---------------------------------------

    def _guard_chars(self, chars: int):
        """MemoryError before host Python builds text the VM could not hold anyway."""
        if chars * 4 > self.memory_limit - self._bytes_used():
            raise _ScriptException("MemoryError", "")

    def _format_guard(self, args, fmt):
        """%-formatting and format specs: no huge widths or precisions."""
        if isinstance(fmt, str):
            self._guard_chars(len(fmt) + max((int(d) for d in _DIGITS.findall(fmt)), default=0))
        for a in args:
            if isinstance(a, int) and not isinstance(a, bool):
                self._guard_chars(min(abs(a), 1 << 62) if abs(a) > 1 << 20 else 0)

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

    def _args(self, top: int, n: int, kwnames: list, real=True):
        st = self.st
        vals = []
        for i in range(top - n, top):
            if st.S[i, 0] == L.ITER:   # an iterator argument: hand over its items
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
        except _ScriptException:
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
        if name == "print":
            args, kw = self._args(top, n, kwnames, real=False)
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
            text = sep.join(_text(a) for a in args) + end
            self._write(text)
            self.st.R[L.R_FUEL] -= len(text) // heap.WORK_UNIT
            self.st.R[L.R_COUNT] += len(text) // heap.WORK_UNIT
            self._complete(result_slot, None, pc)
            return
        if name in ("sorted", "min", "max"):
            self._ordering_service(name, n, kwnames, top, pc)
            return
        if name in ("enumerate", "sum", "int") and kwnames:
            self._positional_retry(bid, n, kwnames, top, pc)
            return
        if name == "dict" and kwnames:
            self._dict_kw(n, kwnames, top, pc)
            return
        args, kw = self._args(top, n, kwnames)
        fn = getattr(py_builtins, name)
        if name in ("enumerate", "zip", "reversed", "range", "list", "tuple", "dict"):
            # only reached for argument errors: CPython reports them
            self._call_python(fn, *args, **kw)
            raise _ScriptException("TypeError", f"this use of {name}() is not supported by Amber yet")
        if bid >= FIRST_EXCEPTION and (name == "BaseException" or name in EXC_PARENT):
            raise _ScriptException("TypeError", "creating exception objects is not supported by Amber yet")
        result = self._call_python(fn, *args, **kw)
        if isinstance(result, type) or callable(result) and not isinstance(result, (str, int, float)):
            raise _ScriptException("TypeError", f"{name}() of this value is not supported by Amber yet")
        self._complete(result_slot, result, pc)

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
        status = natives.call_builtin(self.p, bid, top, n)
        if status == L.ST_RUNNING:
            st.R[L.R_SP] = top - n
            st.F[int(st.R[L.R_FP]), L.FR_PC] = pc + 1
            return
        st.R[L.R_SP] = top + 1   # restore the instruction's stack; let the loop retry
        if status == L.ST_NEED_MEMORY:
            self._make_room()
            return
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
        if isinstance(key, BuiltinRef) and key.name in _SAFE_KEYS:
            key = getattr(py_builtins, key.name)
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
            key = getattr(py_builtins, key.name)   # checked by _sort_order already
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
            raise _ScriptException(self.error.type_name, self.error.message)
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
        if tag == L.LIST and name in ("index", "count", "copy"):
            obj = self._value(self_slot)
            args, kw = self._args(top, n, kwnames)
            self._complete(result_slot, self._call_python(getattr(obj, name), *args, **kw), pc)
            return
        if tag != L.STR and tag != L.TUPLE:
            # mutating methods on lists/dicts with unusual arguments: CPython reports the error
            obj = self._value(self_slot, real=True)
            args, kw = self._args(top, n, kwnames)
            self._call_python(getattr(obj, name), *args, **kw)
            raise _ScriptException("TypeError", f"this use of {name}() is not supported by Amber yet")
        obj = self._value(self_slot)
        args, kw = self._args(top, n, kwnames)
        if isinstance(obj, str):
            self._guard_str_method(obj, name, args, kw)
        result = self._call_python(getattr(obj, name), *args, **kw)
        self._complete(result_slot, result, pc)

    # ---- errors ---------------------------------------------------------------

    def _fail_from_vm(self):
        try:
            type_name, message = self._describe_error()
        except _ScriptException as e:
            type_name, message = e.type_name, e.message
        self._fail(type_name, message)

    def _fail(self, type_name: str, message: str):
        frames = self.frames()
        lines = ["Traceback (most recent call last):\n"]
        last = None
        repeat = 0
        for fname, line, func in frames:
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
            cid = int(st.F[i, L.FR_CODE])
            pc = int(st.F[i, L.FR_PC])
            co = self.program.codes[cid]
            local_pc = pc - self._entry[cid] - (1 if i < fp else 0)
            local_pc = max(0, min(local_pc, len(co.lines) - 1))
            out.append((co.filename, co.lines[local_pc], co.name))
        return out

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
        if err == L.ERR_RECURSION:
            return "RecursionError", ("maximum recursion depth exceeded in comparison" if ea == 1
                                      else "maximum recursion depth exceeded")
        if err == L.ERR_MEMORY:
            return "MemoryError", ""
        if err == L.ERR_VALUE and ea == sets.VAL_SET_CHANGED:
            return "RuntimeError", "Set changed size during iteration"
        if err == L.ERR_OVERFLOW and ea == 0:
            return "OverflowError", ("integer overflow: the result does not fit in 64 bits "
                                     "(Amber has no big ints yet)")
        if err == L.ERR_UNPACK:
            if ec == 1:
                return "ValueError", f"too many values to unpack (expected {ea})"
            return "ValueError", f"not enough values to unpack (expected {ea}, got {eb})"
        if err == L.ERR_ARGS:
            return self._args_error(ea, eb, ec)
        if err == L.ERR_VALUE and ea == arith.VAL_NEG_FRACTIONAL_POW:
            return "ValueError", ("a negative number raised to a fractional power has a "
                                  "complex result, and Amber has no complex numbers")
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
        params = co.param_names
        ndef = co.ndefaults
        sig = ", ".join(p if i < len(params) - ndef else f"{p}=None" for i, p in enumerate(params))
        ns: dict = {}
        exec(f"def f({sig}): pass", ns)   # identifiers only: names come from the parser
        fn = ns["f"]
        fn.__name__ = co.name
        fn.__qualname__ = co.qualname
        name = O.OPS[op].name
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
            elif name == "UNPACK_SEQUENCE":
                x = v(1)
                if not hasattr(x, "__iter__"):
                    return "TypeError", f"cannot unpack non-iterable {type(x).__name__} object"
                list(x)
            elif name in ("LOAD_METHOD", "LOAD_ATTR"):
                getattr(v(1), self.program.names[arg])
            elif name in ("CALL", "CALL_METHOD", "CALL_KW", "CALL_METHOD_KW"):
                kw = []
                top = sp
                if name.endswith("_KW"):
                    kw = list(self._value(sp - 1))
                    top = sp - 1
                args, kwargs = self._args(top, arg, kw)
                if name.startswith("CALL_METHOD"):
                    fn = getattr(self._value(top - arg - 1, real=True),
                                 METHODS[int(st.S[top - arg - 2, 1])][1])
                else:
                    fn = self._value(top - arg - 1, real=True)
                fn(*args, **kwargs)
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
        except Exception as e:
            return type(e).__name__, str(e)
        return None


def _text(v) -> str:
    return v if isinstance(v, str) else str(v)


def _realize(v):
    """Swap builtin references for the real Python builtins (for CPython's messages)."""
    if isinstance(v, BuiltinRef):
        return getattr(py_builtins, v.name)
    return v


_SAFE_KEYS = {"len", "abs", "str", "repr", "int", "float", "bool", "ord", "chr", "sum", "min",
              "max", "sorted", "tuple", "list"}
_DIGITS = __import__("re").compile(r"\d+")
_SAFE_FORMAT_ATTRS = {"real", "imag", "numerator", "denominator"}
_WIDTH_METHODS = {"ljust", "rjust", "center", "zfill"}

_BINOPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
           operator.mod, operator.pow, operator.lshift, operator.rshift, operator.and_,
           operator.or_, operator.xor, operator.matmul]
_IBINOPS = [operator.iadd, operator.isub, operator.imul, operator.itruediv,
            operator.ifloordiv, operator.imod, operator.ipow, operator.ilshift,
            operator.irshift, operator.iand, operator.ior, operator.ixor, operator.imatmul]
_CMPOPS = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge,
           lambda a, b: a in b, lambda a, b: a not in b, operator.is_, operator.is_not]
