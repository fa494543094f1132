"""The int64 boundary is exact: each result is CPython's, whether it stays in int64
(the inline INT fast path, whose overflow checks LLVM must not delete) or leaves it
(a BIGINT computed by the host).  Every result is also stored in a global to check
normalization: an int that fits in 64 bits is always an INT, never a BIGINT."""

import io

import pytest

import amber
from amber.vm import layout as L

M = 2**63 - 1
m = -(2**63)
EXPRS = [
    "M + 1", "m - 1", "M * 2", "m * -1", "-m", "2 ** 63", "3 ** 40", "3 ** 39", "1 << 63",
    "-1 << 63", "1 << 62", "m // -1", "m % -1", "abs(m)", "3037000500 * 3037000500",
    "3037000499 * 3037000499", "-3037000500 * 3037000499", "m * 1", "(2**31) * -(2**32)",
    "4611686018427387904 * -2", "M - -1", "m + -1", "-(2**62) * 2", "(2**62) * 2",
    "(-2**62) * -2", "M * -1", "m // 1", "m // 2", "M % 7", "-7 // 2", "m >> 70", "5 << 60",
    "-5 << 60", "sum([M, 1])", "sum([m, -1])", "int(9.3e18)", "int(-9.2e18)", "(-2) ** 63",
    "(-2) ** 64", "7 ** 22", "7 ** 23", "-M - 2", "M + m", "m - m",
]


def cpython_value(expr):
    return eval(expr, {"M": M, "m": m})


@pytest.mark.parametrize("expr", EXPRS)
def test_int64_boundary(expr):
    src = f"M = {M}\nm = -{M} - 1\nr = {expr}\nprint(r)\n"
    out = io.StringIO()
    vm = amber.VM(amber.compile(src, "int64.py"), stdout=out)
    status = vm.run()
    assert status is amber.Status.FINISHED, vm.error and vm.error.traceback
    want = cpython_value(expr)
    assert out.getvalue().strip() == str(want)
    tag = int(vm.st.G[vm.program.globals.index("r"), 0])
    assert tag == (L.INT if -(2**63) <= want < 2**63 else L.BIGINT)
