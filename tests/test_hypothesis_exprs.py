"""Property tests: random expressions and straight-line programs, Amber vs CPython.

Hypothesis builds (a) random expressions over small int literals, short float
literals, True/False/None, arithmetic, bitwise, unary, comparison (incl. chained
and ``is None``), boolean and conditional operators, with and without
parentheses; and (b) short straight-line programs that assign such expressions
(and augmented assignments) to the variables a..e and print them.

The expected behaviour is CPython's own: the source is ``exec``-ed in-process
with stdout captured.  When CPython raises (ZeroDivisionError, TypeError,
ValueError, OverflowError, ...), Amber must stop with status ERROR and the last
line of its traceback must be ``ExcType: message`` with CPython's message.

Amber's ints are arbitrary precision (int64 inline, big ints beyond), so results
may leave int64 freely; to keep examples fast, every generated program is first
evaluated node by node here, with CPython's own operators and CPython's
evaluation order (short-circuits included), and discarded via ``assume`` if any
int it computes exceeds MAX_BITS bits (a huge ** or << chain).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import operator
import os
import warnings

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from oracle import amber_run_source, unified_diff

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_BITS = 4000
FILENAME = "<hypothesis>"
VARIABLES = ["a", "b", "c", "d", "e"]

settings.register_profile(
    "amber-exprs",
    max_examples=int(os.environ.get("AMBER_EXPR_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
EXPR_SETTINGS = settings.get_profile("amber-exprs")


# --------------------------------------------------------------------------- syntax trees
#
# Nodes are tuples; every compound node ends with a flag "wrap in parentheses".
#   ("lit", text)                 ("var", name)
#   ("un", op, x, p)              op in - + ~ not
#   ("bin", op, a, b, p)          arithmetic / bitwise operators
#   ("cmp", ops, operands, p)     chained comparison
#   ("bool", op, a, b, p)         and / or
#   ("if", body, test, orelse, p) conditional expression
#   ("isnone", x, negated, p)     x is None / x is not None

ARITH_OPS = ["+", "-", "*", "/", "//", "%"]
BIT_OPS = ["&", "|", "^"]
CMP_OPS = ["<", "<=", ">", ">=", "==", "!="]
AUG_OPS = ["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>"]


def _int_node(v: int):
    lit = ("lit", str(abs(v)))
    return ("un", "-", lit, False) if v < 0 else lit


_SPECIAL_INTS = [1, -1, 2, 100, 255, 1000, 65536, 2**31, 2**32 + 1, 10**12, 2**53 + 1, 2**62, 2**63 - 1,
                 2**63, 2**64 + 1, 10**20, 2**100 - 3, 3**90]


@st.composite
def small_ints(draw):
    """Mostly -50..50; often 0 (division by zero); now and then a wide value."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return 0
    if choice == 1:
        return draw(st.sampled_from(_SPECIAL_INTS))
    return draw(st.integers(-50, 50))


int_literals = small_ints().map(_int_node)


@st.composite
def float_literals(draw):
    if draw(st.integers(0, 9)) == 0:
        text = draw(st.sampled_from(["0.1", "0.2", "0.3", "1e3", "2.5e-3", "1e-05", "1.5e10", "5.", ".5", "0.0"]))
    else:
        digits = draw(st.integers(0, 4))
        mantissa = draw(st.integers(0, 99999))
        scale = 10**digits
        text = f"{mantissa // scale}.{mantissa % scale:0{digits}d}" if digits else f"{mantissa}.0"
    node = ("lit", text)
    if draw(st.booleans()):
        node = ("un", "-", node, draw(st.booleans()))
    return node


const_literals = st.sampled_from([("lit", "True"), ("lit", "False"), ("lit", "None")])


def _leaves(names):
    options = [int_literals, int_literals, float_literals(), const_literals]
    if names:
        options.append(st.sampled_from([("var", n) for n in names]))
    return st.one_of(*options)


def _extend(children):
    parens = st.booleans()
    return st.one_of(
        st.tuples(st.just("un"), st.sampled_from(["-", "+", "~", "not"]), children, parens),
        st.tuples(st.just("bin"), st.sampled_from(ARITH_OPS), children, children, parens),
        st.tuples(st.just("bin"), st.sampled_from(BIT_OPS), children, children, parens),
        st.tuples(st.just("bin"), st.just("**"), children, st.integers(0, 6).map(_int_node), parens),
        st.tuples(
            st.just("bin"),
            st.sampled_from(["<<", ">>"]),
            children,
            st.one_of(st.integers(-1, 12).map(_int_node), children),
            parens,
        ),
        st.integers(1, 3).flatmap(
            lambda n: st.tuples(
                st.just("cmp"),
                st.lists(st.sampled_from(CMP_OPS), min_size=n, max_size=n),
                st.lists(children, min_size=n + 1, max_size=n + 1),
                parens,
            )
        ),
        st.tuples(st.just("bool"), st.sampled_from(["and", "or"]), children, children, parens),
        st.tuples(st.just("if"), children, children, children, parens),
        st.tuples(st.just("isnone"), children, st.booleans(), parens),
    )


@functools.lru_cache(maxsize=None)
def expressions(names: tuple = ()):
    """Expression trees whose variables are drawn from ``names``."""
    return st.recursive(_leaves(list(names)), _extend, max_leaves=10)


def render(node, force: bool = False) -> str:
    """Source text; parentheses where the node asks for them (all if force)."""
    kind = node[0]
    if kind in ("lit", "var"):
        return node[1]
    if kind == "un":
        _, op, x, p = node
        text = ("not " if op == "not" else op) + render(x, force)
    elif kind in ("bin", "bool"):
        _, op, a, b, p = node
        text = f"{render(a, force)} {op} {render(b, force)}"
    elif kind == "cmp":
        _, ops, operands, p = node
        text = render(operands[0], force)
        for op, x in zip(ops, operands[1:]):
            text += f" {op} {render(x, force)}"
    elif kind == "if":
        _, body, test, orelse, p = node
        text = f"{render(body, force)} if {render(test, force)} else {render(orelse, force)}"
    elif kind == "isnone":
        _, x, negated, p = node
        text = f"{render(x, force)} {'is not' if negated else 'is'} None"
    else:  # pragma: no cover
        raise ValueError(kind)
    return f"({text})" if (p or force) else text


def expr_text(node) -> str:
    """Render with the drawn parentheses; fall back to full parentheses if that
    is not valid Python (e.g. ``1 + not x``)."""
    text = render(node)
    try:
        ast.parse(text, mode="eval")
    except SyntaxError:
        text = render(node, force=True)
    return text


# --------------------------------------------------------------------------- range checker


class OutOfRange(Exception):
    """An int intermediate is too large to be worth computing (MAX_BITS)."""


_BINOPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
    ast.Pow: operator.pow, ast.BitAnd: operator.and_, ast.BitOr: operator.or_,
    ast.BitXor: operator.xor, ast.LShift: operator.lshift, ast.RShift: operator.rshift,
}
_UNOPS = {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Invert: operator.invert, ast.Not: operator.not_}
_CMPOPS = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Is: operator.is_, ast.IsNot: operator.is_not,
}


def _checked(v):
    if isinstance(v, int) and abs(v).bit_length() > MAX_BITS:
        raise OutOfRange(v)
    if isinstance(v, complex):
        raise OutOfRange(v)
    return v


def _binop(op_type, left, right):
    both_int = isinstance(left, int) and isinstance(right, int)
    # Refuse before computing: these would build astronomically large ints.
    if both_int and op_type is ast.Pow and right * abs(left).bit_length() > MAX_BITS and abs(left) > 1:
        raise OutOfRange("pow")
    if both_int and op_type is ast.LShift and right > MAX_BITS and left != 0:
        raise OutOfRange("lshift")
    return _checked(_BINOPS[op_type](left, right))


def _eval(node, env):
    """Evaluate like CPython (same order, same short-circuits), checking every value."""
    if isinstance(node, ast.Constant):
        return _checked(node.value)
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.UnaryOp):
        return _checked(_UNOPS[type(node.op)](_eval(node.operand, env)))
    if isinstance(node, ast.BinOp):
        left = _eval(node.left, env)
        right = _eval(node.right, env)
        return _binop(type(node.op), left, right)
    if isinstance(node, ast.BoolOp):
        is_and = isinstance(node.op, ast.And)
        for value in node.values:
            v = _eval(value, env)
            if (not v) if is_and else v:
                return v
        return v
    if isinstance(node, ast.Compare):
        left = _eval(node.left, env)
        result = True
        for op, comparator in zip(node.ops, node.comparators):
            right = _eval(comparator, env)
            result = _CMPOPS[type(op)](left, right)
            if not result:
                return result
            left = right
        return result
    if isinstance(node, ast.IfExp):
        return _eval(node.body, env) if _eval(node.test, env) else _eval(node.orelse, env)
    raise AssertionError(f"unexpected node {ast.dump(node)}")  # pragma: no cover


def check_in_range(source: str) -> None:
    """Run ``source`` through the checking evaluator; OutOfRange if Amber may differ.

    CPython exceptions (ZeroDivisionError, ...) end the walk exactly where they
    would end the program; they are fine, and the real outcome comes from exec.
    """
    env = {}
    try:
        for stmt in ast.parse(source).body:
            if isinstance(stmt, ast.Assign):
                env[stmt.targets[0].id] = _eval(stmt.value, env)
            elif isinstance(stmt, ast.AugAssign):
                name = stmt.target.id
                env[name] = _binop(type(stmt.op), env[name], _eval(stmt.value, env))
            elif isinstance(stmt, ast.Expr):  # print(...)
                for arg in stmt.value.args:
                    _eval(arg, env)
            else:  # pragma: no cover
                raise AssertionError(ast.dump(stmt))
    except OutOfRange:
        raise
    except Exception:
        return


# --------------------------------------------------------------------------- oracle + comparison


def cpython_exec(source: str):
    """(stdout, None) or (stdout so far, (exception type name, message))."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. SyntaxWarning for `5 is None`
        code = compile(source, FILENAME, "exec")
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(code, {"__name__": "__main__"})
    except Exception as exc:  # noqa: BLE001 - any CPython error is an expected outcome
        return buf.getvalue(), (type(exc).__name__, str(exc))
    return buf.getvalue(), None


def _last_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1].strip() if lines else ""


def assert_same_as_cpython(source: str) -> None:
    try:
        check_in_range(source)
    except OutOfRange:
        assume(False)
    expected_out, expected_exc = cpython_exec(source)
    actual = amber_run_source(source, FILENAME)
    report = [f"source:\n{source}"]
    ok = actual.stdout == expected_out
    if not ok:
        report.append(unified_diff(expected_out, actual.stdout, "stdout"))
    if expected_exc is None:
        if actual.returncode != 0:
            ok = False
            report.append(f"CPython finished normally, Amber failed:\n{actual.stderr}")
    else:
        name, msg = expected_exc
        want = f"{name}: {msg}" if msg else name
        got = _last_line(actual.stderr)
        if actual.returncode != 1 or got != want:
            ok = False
            report.append(
                f"CPython raised   {want!r}\nAmber returncode {actual.returncode}, last traceback line {got!r}"
                + (f"\nAmber traceback:\n{actual.stderr}" if actual.stderr else "")
            )
    if not ok:
        pytest.fail("\n\n".join(report), pytrace=False)


# --------------------------------------------------------------------------- strategies for programs


@st.composite
def straight_line_programs(draw):
    assigned = []
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        if assigned and draw(st.integers(0, 2)) == 0:
            name = draw(st.sampled_from(assigned))
            op = draw(st.sampled_from(AUG_OPS))
            if op == "**":
                value = _int_node(draw(st.integers(0, 6)))
            elif op in ("<<", ">>") and draw(st.booleans()):
                value = _int_node(draw(st.integers(0, 12)))
            else:
                value = draw(expressions(tuple(assigned)))
            lines.append(f"{name} {op}= {expr_text(value)}")
        else:
            name = draw(st.sampled_from(VARIABLES))
            lines.append(f"{name} = {expr_text(draw(expressions(tuple(assigned))))}")
            if name not in assigned:
                assigned.append(name)
        if draw(st.integers(0, 3)) == 0:
            lines.append(f"print({name})")
    shown = sorted(assigned)
    lines.append(f"print({', '.join(shown)})")
    lines.append(f"print({', '.join(shown)}, sep=' | ')")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def amber_warm():
    """Run one program first so numba compilation is not charged to an example."""
    result = amber_run_source("x = 1 + 2.5\nprint(x, 7 // 2, x > 3 and not None)\n", FILENAME)
    assert result.stdout == "3.5 3 True\n", result


def test_checker_rejects_out_of_range():
    with pytest.raises(OutOfRange):
        check_in_range("print(2 ** 5000 * 2)\n")
    with pytest.raises(OutOfRange):
        check_in_range("a = 3\na <<= 7000\n")
    check_in_range("print(2 ** 62 * 2)\n")  # a big int: fine now
    check_in_range("print(0 or 2 ** 5000 * 2 if False else 1)\n")  # never evaluated
    check_in_range("print(1 // 0 + 2 ** 5000 * 4)\n")  # CPython raises first


@EXPR_SETTINGS
@given(expressions())
def test_random_expression(amber_warm, node):
    assert_same_as_cpython(f"print({expr_text(node)})\n")


@EXPR_SETTINGS
@given(straight_line_programs())
def test_straight_line_program(amber_warm, source):
    assert_same_as_cpython(source)
