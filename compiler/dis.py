"""The disassembler: a readable listing of a Program's code objects."""

from __future__ import annotations

from ..vm import opcodes as O
from .program import Program


def _const_text(program: Program, idx: int) -> str:
    c = program.consts[idx]
    if isinstance(c, list) or (isinstance(c, tuple) and c and c[0] == "tuple"):
        return "(" + ", ".join(_const_text(program, i) for i in c[1]) + \
            ("," if len(c[1]) == 1 else "") + ")"
    return repr(c)


def _meaning(program: Program, co, op: O.Op, arg: int) -> str:
    kind = op.arg
    if kind == "const":
        return _const_text(program, arg)
    if kind == "local":
        return co.local_names[arg] if 0 <= arg < len(co.local_names) else "?"
    if kind == "global":
        return program.globals[arg]
    if kind == "name":
        return program.consts[arg]
    if kind == "namepair":
        return _const_text(program, arg)
    if kind == "target":
        return f"to {arg}"
    if kind == "code":
        return f"<code {program.codes[arg].qualname}>"
    if kind == "binop":
        sym = O.BINOPS[arg & 15]
        return sym + "=" if arg & O.INPLACE else sym
    if kind == "cmpop":
        return O.CMPOPS[arg]
    if kind == "unaryop":
        return O.UNARYOPS[arg]
    return ""


def disassemble(program: Program) -> str:
    """Every code object of the program, one instruction per line."""
    out = []
    for cid, co in enumerate(program.codes):
        if co.module != 0:      # the prelude (compiled into every program) is not shown
            continue
        out.append(f"code {cid}: {co.qualname}  (params {co.nparams}, locals {co.nlocals}, "
                   f"free {co.nfree}, stack {co.stacksize})")
        last_line = None
        for pc, word in enumerate(co.code):
            op_num, arg = O.decode_raw(word)     # superinstructions by their own name
            op = O.OPS[op_num]
            line = co.lines[pc]
            line_text = f"{line:>5}" if line != last_line else "     "
            last_line = line
            arg_text = "" if op.arg == "-" else str(arg)
            meaning = _meaning(program, co, op, arg)
            out.append(f"{line_text} {pc:>5} {op.name:<33}{arg_text:>6}"
                       + (f"  ({meaning})" if meaning else ""))
        out.append("")
    return "\n".join(out)
