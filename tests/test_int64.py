"""64-bit ints never wrap: each result is CPython's, or OverflowError when CPython's
result leaves the int64 range (LLVM may delete overflow checks written on wrapped
signed results, so every boundary is checked here)."""

import io

import pytest

import amber

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
    value = eval(expr, {"M": M, "m": m})
    if not -(2**63) <= value < 2**63:
        return "OverflowError"
    return str(value)


@pytest.mark.parametrize("expr", EXPRS)
def test_int64_boundary(expr):
    src = f"M = {M}\nm = -{M} - 1\nprint({expr})\n"
    out = io.StringIO()
    vm = amber.VM(amber.compile(src, "int64.py"), stdout=out)
    status = vm.run()
    got = out.getvalue().strip() if status is amber.Status.FINISHED else vm.error.type_name
    assert got == cpython_value(expr)
