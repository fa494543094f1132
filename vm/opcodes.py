"""The opcode table: the single source of truth for Amber's bytecode.

Every instruction is one 32-bit word: the opcode in the low 8 bits and a signed
24-bit argument above it (``word = op | arg << 8``).  The compiler, the interpreter,
the disassembler, the snapshot validator and docs/bytecode.md all derive from OPS.

Columns: name, argument meaning, stack effect (a number, or "var" where it depends on
the argument), one line of semantics.  Stack pictures list the top of stack last.

This module imports nothing from Amber: it is a leaf that every phase may read.
"""

from __future__ import annotations

from typing import NamedTuple

ARG_BITS = 24
ARG_MIN = -(1 << (ARG_BITS - 1))
ARG_MAX = (1 << (ARG_BITS - 1)) - 1


class Op(NamedTuple):
    code: int
    name: str
    arg: str      # what the argument means: "-", "const", "local", "target", ...
    effect: object  # net stack effect (int) or "var"
    doc: str


# fmt: off
_TABLE = [
    # name               arg        effect  semantics
    ("NOP",              "-",        0,     "do nothing"),
    ("POP_TOP",          "-",       -1,     "x -> ; discard the top of stack"),
    ("DUP_TOP",          "-",        1,     "x -> x x"),
    ("DUP_TOP_TWO",      "-",        2,     "x y -> x y x y"),
    ("ROT_TWO",          "-",        0,     "x y -> y x"),
    ("ROT_THREE",        "-",        0,     "x y z -> z x y"),
    ("LOAD_CONST",       "const",    1,     "-> consts[arg]"),
    ("LOAD_SMALL_INT",   "int",      1,     "-> the int arg itself (no constant-pool load)"),
    ("LOAD_FAST",        "local",    1,     "-> locals[arg]; UnboundLocalError if unbound"),
    ("STORE_FAST",       "local",   -1,     "x -> ; locals[arg] = x"),
    ("DELETE_FAST",      "local",    0,     "unbind locals[arg]; UnboundLocalError if unbound"),
    ("LOAD_DEREF",       "local",    1,     "-> the value in the cell held by locals[arg]; NameError if empty"),
    ("STORE_DEREF",      "local",   -1,     "x -> ; store x in the cell held by locals[arg]"),
    ("DELETE_DEREF",     "local",    0,     "empty the cell held by locals[arg]"),
    ("MAKE_CELL",        "local",    0,     "wrap locals[arg] (maybe unbound) in a new cell; run at function entry"),
    ("LOAD_CLOSURE",     "local",    1,     "-> the cell object held by locals[arg] (to build a closure)"),
    ("LOAD_GLOBAL",      "global",   1,     "-> globals[arg]; NameError if unbound"),
    ("STORE_GLOBAL",     "global",  -1,     "x -> ; globals[arg] = x"),
    ("DELETE_GLOBAL",    "global",   0,     "unbind globals[arg]; NameError if unbound"),
    ("UNARY_OP",         "unaryop",  0,     "x -> op(x); arg: 0 -x, 1 +x, 2 not x, 3 ~x"),
    ("BINARY_OP",        "binop",   -1,     "x y -> x op y; arg is the operator number (BINOPS), +16 for the in-place form"),
    ("COMPARE_OP",       "cmpop",   -1,     "x y -> x cmp y; arg indexes CMPOPS (< <= == != > >= in, not in, is, is not)"),
    ("JUMP",             "target",   0,     "pc = arg"),
    ("POP_JUMP_IF_FALSE", "target", -1,     "x -> ; if not truthy(x): pc = arg"),
    ("POP_JUMP_IF_TRUE", "target",  -1,     "x -> ; if truthy(x): pc = arg"),
    ("JUMP_IF_FALSE_OR_POP", "target", "var", "x -> x (jump to arg) if not truthy(x), else x -> (fall through)"),
    ("JUMP_IF_TRUE_OR_POP", "target", "var",  "x -> x (jump to arg) if truthy(x), else x -> (fall through)"),
    ("GET_ITER",         "-",        0,     "x -> iter(x)"),
    ("FOR_ITER",         "target",   1,     "it -> it next(it); when exhausted: it -> and pc = arg"),
    ("BUILD_TUPLE",      "count",   "var",  "x1..xn -> (x1, ..., xn)"),
    ("BUILD_LIST",       "count",   "var",  "x1..xn -> [x1, ..., xn]"),
    ("BUILD_MAP",        "count",   "var",  "k1 v1 .. kn vn -> {k1: v1, ..., kn: vn}"),
    ("BUILD_STRING",     "count",   "var",  "s1..sn -> s1 + ... + sn (all str; f-strings)"),
    ("BUILD_SLICE",      "count",   "var",  "lo hi -> slice(lo, hi) (arg 2) or lo hi step -> slice(lo, hi, step) (arg 3)"),
    ("FORMAT_VALUE",     "fmt",     "var",  "x [spec] -> str; arg&3: 0 none, 1 !s, 2 !r, 3 !a; arg&4: a format spec str is on top"),
    ("LIST_APPEND",      "depth",   -1,     "... list ... x -> ... list ...; list is arg slots below x"),
    ("MAP_ADD",          "depth",   -2,     "... map ... k v -> ... map ...; map is arg slots below k"),
    ("BINARY_SUBSCR",    "-",       -1,     "x i -> x[i]"),
    ("STORE_SUBSCR",     "-",       -3,     "v x i -> ; x[i] = v"),
    ("DELETE_SUBSCR",    "-",       -2,     "x i -> ; del x[i]"),
    ("UNPACK_SEQUENCE",  "count",   "var",  "seq -> xn .. x1 (x1 on top); ValueError unless len(seq) == arg"),
    ("LOAD_ATTR",        "name",     0,     "x -> x.<consts[arg]>; the name is a str constant"),
    ("LOAD_METHOD",      "name",     1,     "x -> meth self; meth is x.<consts[arg]> unbound, ready for CALL_METHOD"),
    ("CALL_METHOD",      "count",   "var",  "meth self a1..an -> meth(self, a1, ..., an)"),
    ("CALL",             "count",   "var",  "f a1..an -> f(a1, ..., an)"),
    ("CALL_KW",          "count",   "var",  "f a1..an names -> f(...); names is a const tuple of the last len(names) argument names"),
    ("CALL_METHOD_KW",   "count",   "var",  "meth self a1..an names -> meth(self, ...) with keyword names as in CALL_KW"),
    ("MAKE_FUNCTION",    "code",    "var",  "d1..dk e1..ej c1..cm -> function of code arg with k positional defaults, j keyword-only defaults and m closure cells"),
    ("RETURN_VALUE",     "-",       -1,     "x -> ; return x to the caller (ends the program in the module frame)"),
    ("RAISE_VARARGS",    "count",   "var",  "arg 0: bare raise outside a handler; 1: exc -> ; 2: exc cause -> ; an exception type is instantiated"),
    ("RERAISE",          "-",       -1,     "exc -> ; raise exc again (end of a finally block or of unmatched except clauses)"),
    ("CHECK_EXC_MATCH",  "-",       -1,     "exc type -> bool; whether exc is an instance of type (or of one in a tuple of types)"),
    ("LIST_EXTEND",      "depth",   -1,     "list x -> list; list.extend(x); arg 0 in a display, k > 0 in a call whose callable is k slots below the list (for messages)"),
    ("LIST_TO_TUPLE",    "-",        0,     "list -> tuple(list)"),
    ("DICT_MERGE",       "depth",   -1,     "d m -> d; arg 0: d.update(m) (a display); k > 0: keyword arguments of a call whose callable is k slots below d (duplicates are errors)"),
    ("UNPACK_EX",        "unpackex", "var", "seq -> xn .. [xb..] .. x1 (x1 on top); arg & 0xFFF names before the starred target, arg >> 12 after; the starred one gets a list"),
    ("CALL_EX",          "callex",  "var",  "f args [kwargs] -> f(*args, **kwargs); args a tuple, kwargs a dict (arg & 1); arg & 2: meth self args [kwargs] (a LOAD_METHOD pair)"),
    ("BUILD_SET",        "count",   "var",  "x1..xn -> {x1, ..., xn} (added in order)"),
    ("SET_ADD",          "depth",   -1,     "... set ... x -> ... set ...; set is arg slots below x (set comprehensions)"),
    ("BUILD_CONST_SET",  "count",   "var",  "c1..cn -> the set CPython 3.11 builds for a display of n > 2 constants (a frozenset constant merged into a new set)"),
    ("BUILD_CONST_FROZENSET", "count", "var", "c1..cn -> the frozenset constant CPython 3.11 makes of a constant set display in `in` tests and for loops"),
    ("LOAD_NAME",        "namepair", 1,     "-> the class namespace's <name> (local 0 of a class body), else globals[slot]; arg: const (name, global slot)"),
    ("STORE_NAME",       "name",    -1,     "x -> ; class namespace (local 0 of a class body)[consts[arg]] = x"),
    ("DELETE_NAME",      "name",     0,     "del class namespace[consts[arg]]; NameError if absent"),
    ("BUILD_CLASS",      "-",       -2,     "name bases ns -> a new class (C3 MRO; ns's __classcell__ cell is set to it)"),
    ("STORE_ATTR",       "name",    -2,     "v x -> ; x.<consts[arg]> = v (a property's setter runs as a call)"),
    ("DELETE_ATTR",      "name",    -1,     "x -> ; del x.<consts[arg]>"),
    ("RETURN_GENERATOR", "-",        1,     "-> gen; a generator of this frame's locals, resuming at pc + 2 (the next instruction, RETURN_VALUE, returns it); first after the MAKE_CELLs of a generator function"),
    ("YIELD_VALUE",      "yield",    0,     "x -> sent; suspend the generator, handing x to its resumer; resumed with the sent value on top; arg 1: the yield of a yield from (a subiterator is below)"),
    ("SEND",             "target",  "var",  "it v -> it y when it yields y (v sent in: next(it) if v is None or it is no generator); when it is done: it v -> r and pc = arg (r its return value)"),
    ("IMPORT_NAME",      "global",   1,     "-> the module cached in globals[arg] (a hidden slot named '<modules>.NAME'); the host makes it on first use"),
    ("IMPORT_FROM",      "name",     1,     "m -> m m.<consts[arg]>; ImportError if the module has no such name"),
    # Superinstructions (see FUSED below): the first instruction, and the next word in
    # the same dispatch when its fast case applies and fuel remains.
    ("LOAD_FAST__LOAD_FAST", "local", 1,    "LOAD_FAST; then the LOAD_FAST that follows"),
    ("LOAD_FAST__LOAD_SMALL_INT", "local", 1, "LOAD_FAST; then the LOAD_SMALL_INT that follows"),
    ("LOAD_FAST__LOAD_CONST", "local", 1,   "LOAD_FAST; then the LOAD_CONST that follows"),
    ("LOAD_FAST__LOAD_ATTR", "local", 1,    "LOAD_FAST; then the LOAD_ATTR that follows (an instance's plain attribute)"),
    ("LOAD_FAST__LOAD_METHOD", "local", 1,  "LOAD_FAST; then the LOAD_METHOD that follows (a method of an instance's class)"),
    ("LOAD_DEREF__LOAD_FAST", "local", 1,   "LOAD_DEREF; then the LOAD_FAST that follows"),
    ("LOAD_GLOBAL__LOAD_FAST", "global", 1, "LOAD_GLOBAL; then the LOAD_FAST that follows"),
    ("STORE_FAST__LOAD_FAST", "local", -1,  "STORE_FAST; then the LOAD_FAST that follows"),
    ("COMPARE_OP__POP_JUMP_IF_FALSE", "cmpop", -1, "COMPARE_OP of ints or floats, or is / is not; then the POP_JUMP_IF_FALSE that follows"),
    ("COMPARE_OP__POP_JUMP_IF_TRUE", "cmpop", -1, "COMPARE_OP of ints or floats, or is / is not; then the POP_JUMP_IF_TRUE that follows"),
    ("BINARY_SUBSCR__POP_JUMP_IF_FALSE", "-", -1, "BINARY_SUBSCR of a list or tuple by an int; then the POP_JUMP_IF_FALSE that follows (a bool, int or None item)"),
    ("BINARY_SUBSCR__POP_JUMP_IF_TRUE", "-", -1, "BINARY_SUBSCR of a list or tuple by an int; then the POP_JUMP_IF_TRUE that follows (a bool, int or None item)"),
    ("FOR_ITER__STORE_FAST", "target", 1,  "FOR_ITER; then the STORE_FAST that follows (an item of a range or list iterator)"),
    ("BUILD_SLICE__BINARY_SUBSCR", "count", "var", "BUILD_SLICE; then the BINARY_SUBSCR that follows (a slice of a list, tuple, str or range that raises nothing)"),
    ("BUILD_SLICE__STORE_SUBSCR", "count", "var", "BUILD_SLICE; then the STORE_SUBSCR that follows (a list or tuple assigned to a list slice, raising nothing)"),
]
# fmt: on

OPS: list[Op] = [Op(i, *row) for i, row in enumerate(_TABLE)]
BY_NAME: dict[str, Op] = {op.name: op for op in OPS}

# Give every opcode a module-level integer constant (LOAD_CONST = 6, ...), so the
# numba interpreter can use them as compile-time constants.
globals().update({op.name: op.code for op in OPS})

# Superinstructions: name -> (first, second).  A superinstruction word means its first
# instruction, with the same argument: the next word is the second instruction (or a
# superinstruction that starts with it), unchanged and still an instruction of its own
# (jumps may land on it; the verifier checks the pairing).  The loop runs both in one
# dispatch when the second one's common case applies and fuel remains, charging one
# unit of fuel for each; otherwise it runs the first one alone and the next word is
# dispatched as usual.  So every word is still a pause point, instruction counts do
# not change, and the host and the verifier see the first instruction (decode()).
# The compiler makes the pairs (compiler/codegen.py, fuse()).
FUSED = {
    "LOAD_FAST__LOAD_FAST": ("LOAD_FAST", "LOAD_FAST"),
    "LOAD_FAST__LOAD_SMALL_INT": ("LOAD_FAST", "LOAD_SMALL_INT"),
    "LOAD_FAST__LOAD_CONST": ("LOAD_FAST", "LOAD_CONST"),
    "LOAD_FAST__LOAD_ATTR": ("LOAD_FAST", "LOAD_ATTR"),
    "LOAD_FAST__LOAD_METHOD": ("LOAD_FAST", "LOAD_METHOD"),
    "LOAD_DEREF__LOAD_FAST": ("LOAD_DEREF", "LOAD_FAST"),
    "LOAD_GLOBAL__LOAD_FAST": ("LOAD_GLOBAL", "LOAD_FAST"),
    "STORE_FAST__LOAD_FAST": ("STORE_FAST", "LOAD_FAST"),
    "COMPARE_OP__POP_JUMP_IF_FALSE": ("COMPARE_OP", "POP_JUMP_IF_FALSE"),
    "COMPARE_OP__POP_JUMP_IF_TRUE": ("COMPARE_OP", "POP_JUMP_IF_TRUE"),
    "BINARY_SUBSCR__POP_JUMP_IF_FALSE": ("BINARY_SUBSCR", "POP_JUMP_IF_FALSE"),
    "BINARY_SUBSCR__POP_JUMP_IF_TRUE": ("BINARY_SUBSCR", "POP_JUMP_IF_TRUE"),
    "FOR_ITER__STORE_FAST": ("FOR_ITER", "STORE_FAST"),
    "BUILD_SLICE__BINARY_SUBSCR": ("BUILD_SLICE", "BINARY_SUBSCR"),
    "BUILD_SLICE__STORE_SUBSCR": ("BUILD_SLICE", "STORE_SUBSCR"),
}
# opcode -> the opcode it means (itself, or a superinstruction's first instruction)
BASE = [BY_NAME[FUSED[op.name][0]].code if op.name in FUSED else op.code for op in OPS]
# (first opcode, second opcode) -> superinstruction opcode
FUSE_PAIRS = {(BY_NAME[a].code, BY_NAME[b].code): BY_NAME[name].code
              for name, (a, b) in FUSED.items()}
# superinstruction opcode -> the opcode its next word must mean
FUSED_SECOND = {BY_NAME[name].code: BY_NAME[b].code for name, (a, b) in FUSED.items()}

# Operators of BINARY_OP (the argument; add INPLACE for `x op= y`).
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
INPLACE = 16
# Operators of COMPARE_OP.
CMPOPS = ["<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"]
# Operators of UNARY_OP.
UNARYOPS = ["-", "+", "not", "~"]

# The opcodes whose argument is a jump target (an absolute instruction index).
JUMPS = frozenset(op.code for op in OPS if op.arg == "target")


def encode(op: int, arg: int = 0) -> int:
    """Pack an opcode and its argument into one signed 32-bit instruction word."""
    if not ARG_MIN <= arg <= ARG_MAX:
        raise OverflowError(f"instruction argument {arg} does not fit in {ARG_BITS} bits")
    word = (op & 0xFF) | ((arg & ((1 << ARG_BITS) - 1)) << 8)
    return word - (1 << 32) if word >= 1 << 31 else word


def decode(word: int) -> tuple[int, int]:
    """Split an instruction word into (opcode, argument), a superinstruction giving
    its first instruction (what it means to the host, the verifier and the stack
    analysis); decode_raw gives the word's own opcode."""
    op = word & 0xFF
    return (BASE[op] if op < len(BASE) else op), word >> 8


def decode_raw(word: int) -> tuple[int, int]:
    """Split an instruction word into (its own opcode, argument)."""
    return word & 0xFF, word >> 8


def fuse(words: list) -> list:
    """The words with each instruction that a superinstruction's second instruction
    follows replaced by that superinstruction (same argument).  Each word is looked
    at alone: its successor may itself become a superinstruction."""
    out = list(words)
    for i in range(len(words) - 1):
        op, arg = decode(words[i])
        nxt = decode(words[i + 1])[0]
        sup = FUSE_PAIRS.get((op, nxt))
        if sup is not None:
            out[i] = encode(sup, arg)
    return out


def stack_effect(op: int, arg: int, jump: bool, ndefaults_nfree: int = 0) -> int:
    """Net stack effect of one instruction; `jump` selects the taken branch.

    MAKE_FUNCTION needs the number of defaults (positional and keyword-only) plus free
    cells of its code object."""
    op = BASE[op]       # a superinstruction: its first instruction's effect
    name = OPS[op].name
    fixed = OPS[op].effect
    if name == "FOR_ITER":
        return -1 if jump else 1
    if name == "SEND":
        return -1 if jump else 0
    if name in ("JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"):
        return 0 if jump else -1
    if fixed != "var":
        return fixed
    if name in ("BUILD_TUPLE", "BUILD_LIST", "BUILD_STRING", "BUILD_SLICE", "BUILD_SET",
                "BUILD_CONST_SET", "BUILD_CONST_FROZENSET"):
        return 1 - arg
    if name == "BUILD_MAP":
        return 1 - 2 * arg
    if name == "FORMAT_VALUE":
        return -1 if arg & 4 else 0
    if name == "UNPACK_SEQUENCE":
        return arg - 1
    if name == "RAISE_VARARGS":
        return -arg
    if name == "CALL":
        return -arg
    if name in ("CALL_KW", "CALL_METHOD"):
        return -arg - 1
    if name == "CALL_METHOD_KW":
        return -arg - 2
    if name == "MAKE_FUNCTION":
        return 1 - ndefaults_nfree
    if name == "UNPACK_EX":
        return (arg & 0xFFF) + (arg >> 12)
    if name == "CALL_EX":
        return -1 - (arg & 1) - ((arg >> 1) & 1)
    raise ValueError(f"no stack effect for {name}")


def markdown() -> str:
    """docs/bytecode.md, generated from the table (a test keeps the file in step)."""
    lines = [
        "# Amber bytecode",
        "",
        "Generated from `vm/opcodes.py` by `python -m amber.vm.opcodes > docs/bytecode.md`;",
        "a test fails when this file and the table disagree.",
        "",
        f"Each instruction is one 32-bit word: the opcode in the low 8 bits and a signed",
        f"{ARG_BITS}-bit argument above it. Jump targets are absolute instruction indices",
        "within the program's linked code (relative to the code object in a Program).",
        "Stack pictures list the top of the stack last.",
        "",
        "| # | name | argument | stack effect | semantics |",
        "|---|------|----------|--------------|-----------|",
    ]
    for op in OPS:
        lines.append(f"| {op.code} | `{op.name}` | {op.arg} | {op.effect} | {op.doc} |")
    lines += ["", "BINARY_OP operators: " + ", ".join(f"{i} `{s}`" for i, s in enumerate(BINOPS))
              + f"; add {INPLACE} for the in-place form.",
              "", "COMPARE_OP operators: " + ", ".join(f"{i} `{s}`" for i, s in enumerate(CMPOPS)) + ".",
              "", "UNARY_OP operators: " + ", ".join(f"{i} `{s}`" for i, s in enumerate(UNARYOPS)) + ".",
              "",
              "Superinstructions (the opcodes named `FIRST__SECOND`): the compiler gives this",
              "opcode to an instruction FIRST that is followed by an instruction SECOND (the",
              "next word, which stays as it is: an instruction of its own, a possible jump",
              "target and pause point, maybe itself a superinstruction that starts with",
              "SECOND).  It means FIRST, with FIRST's argument; the loop also runs the next",
              "word in the same dispatch when SECOND's common case applies and fuel remains,",
              "charging one unit of fuel per instruction, else it stops after FIRST.  So",
              "instruction counts, pause points and results are those of the plain pair; the",
              "host and the snapshot verifier treat the word as FIRST, and the verifier checks",
              "that the next word means SECOND.",
              ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(), end="")
