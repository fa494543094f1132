"""Compiled programs as plain data.

A Program holds everything the VM needs and nothing that only Python could hold:
ints, floats, strings and lists of them.  It can be serialized as is (snapshots carry
the program with them) and loaded into a VM on any machine.
"""

from __future__ import annotations

import attrs


@attrs.define
class CodeObject:
    """One function body (or the module body) in bytecode."""

    name: str                   # function name; "<module>" or "<lambda>"
    filename: str
    code: list[int]             # instruction words (vm.opcodes.encode); jumps are local indices
    lines: list[int]            # source line of each instruction
    nparams: int                # positional parameters
    nlocals: int                # local slots: parameters, other locals, then free variables
    nfree: int                  # free variables (the last nfree local slots)
    ndefaults: int              # default values MAKE_FUNCTION pops
    stacksize: int              # maximum operand-stack depth
    local_names: list[str]
    first_line: int
    qualname: str = ""          # e.g. "outer.<locals>.inner", as CPython's __qualname__
    paramnames_const: int = -1  # const index of the tuple of parameter names
    module: int = 0
    # exception table, innermost first: [start, end, target, depth] (local indices):
    # an exception raised at an instruction in [start, end) truncates the operand
    # stack to `depth` items, pushes the exception and jumps to target
    handlers: list[list[int]] = attrs.field(factory=list)
    nposonly: int = 0           # positional-only parameters (the first of nparams)
    nkwonly: int = 0            # keyword-only parameters (slots after the positional ones)
    flags: int = 0              # 1: a *args slot follows, 2: then a **kwargs slot
    nkwdefaults: int = 0        # keyword-only defaults MAKE_FUNCTION pops
    kwdefmap_const: int = -1    # const tuple: per keyword-only parameter, its default's
                                # index among the nkwdefaults, or -1 (required)

    @property
    def param_names(self) -> list[str]:
        """Positional then keyword-only parameter names (not *args / **kwargs)."""
        return self.local_names[: self.nparams + self.nkwonly]

    @property
    def nargslots(self) -> int:
        """Local slots the arguments fill: parameters, then *args, then **kwargs."""
        return self.nparams + self.nkwonly + (self.flags & 1) + ((self.flags >> 1) & 1)


@attrs.define
class Program:
    """A whole compiled script: code objects, constants, names and globals."""

    filename: str
    source: str                 # kept for tracebacks; may be "" (snapshots need no source)
    codes: list[CodeObject]     # codes[0] is the module body
    consts: list                # None, bool, int, float, str, or ("tuple", [const index...])
    globals: list[str]          # names of the global slots
    builtin_slots: dict[int, str] = attrs.field(factory=dict)  # slot -> builtin it starts as
    # the modules written in Amber (stdlib/NAME.py) compiled into this program, one
    # [name, body code id, first global slot, const index of the tuple of its names]
    # each: its top-level names live in globals[first:first + len(names)]
    modules: list = attrs.field(factory=list)

    def source_line(self, lineno: int) -> str:
        lines = self.source.splitlines()
        if 1 <= lineno <= len(lines):
            return lines[lineno - 1]
        return ""
