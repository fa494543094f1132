"""A readable description of a paused VM: for `amber inspect` and debugging."""

from __future__ import annotations

import collections

from . import layout as L
from .hostvalues import decode

KIND_NAMES = {L.STR: "str", L.LIST: "list", L.TUPLE: "tuple", L.DICT: "dict",
              L.FUNC: "function", L.CELL: "cell", L.RANGE: "range", L.ITER: "iterator",
              L.SLICE: "slice", L.DICTVIEW: "dict view", L.BIGINT: "int", L.MODULE: "module",
              L.SET: "set", L.FROZENSET: "frozenset", L.EXC: "exception",
              L.RNG: "random generator state"}


def _short(value, limit=60) -> str:
    try:
        text = repr(value)
    except ValueError:      # an int over the 4300-digit limit of str()
        text = f"<int of {value.bit_length()} bits>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(vm) -> str:
    """Instruction count, the paused frames as a traceback with their locals, and a
    summary of the heap."""
    st = vm.st
    program = vm.program
    status = "finished" if vm.finished else ("failed" if vm.error else "paused")
    out = [f"{status} after {vm.instructions} instructions", "",
           "Traceback (most recent call last):"]
    fp = int(st.R[L.R_FP])
    for i, (fname, line, func) in enumerate(vm.frames()):
        out.append(f'  File "{fname}", line {line}, in {func}')
        text = program.source_line(line).strip()
        if text:
            out.append(f"    {text}")
        cid = int(st.F[i, L.FR_CODE])
        co = program.codes[cid]
        base = int(st.F[i, L.FR_BASE])
        for j, name in enumerate(co.local_names):
            tag, val = int(st.S[base + j, 0]), int(st.S[base + j, 1])
            if tag == L.CELL:
                tag, val = int(st.H[val, L.A]), int(st.H[val, L.B])
            shown = "<unbound>" if tag == L.UNDEF else _short(decode(st, tag, val, program))
            out.append(f"      {name} = {shown}")
        if cid == 0:
            for slot, name in enumerate(program.globals):
                tag, val = int(st.G[slot, 0]), int(st.G[slot, 1])
                if tag != L.UNDEF and tag != L.BUILTIN:
                    out.append(f"      {name} = {_short(decode(st, tag, val, program))}")
    if vm.error is not None:
        out.append(f"{vm.error.type_name}: {vm.error.message}" if vm.error.message
                   else vm.error.type_name)
    kinds = collections.Counter(int(k) for k in st.H[: int(st.R[L.R_HTOP]), L.KIND])
    free = kinds.pop(L.FREE_KIND, 0)
    out += ["", f"heap: {sum(kinds.values())} objects ({free} free rows), "
            f"{int(st.R[L.R_VTOP])} value rows, {int(st.R[L.R_CTOP])} characters"]
    for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        out.append(f"  {KIND_NAMES.get(kind, kind):>10}: {count}")
    out.append(f"stack: {int(st.R[L.R_SP])} slots in {fp + 1} frames")
    return "\n".join(out) + "\n"
