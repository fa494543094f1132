"""docs/bytecode.md is generated from the opcode table and must stay in step with it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from amber.vm import opcodes as O

ROOT = Path(__file__).resolve().parent.parent
BYTECODE_MD = ROOT / "docs" / "bytecode.md"


def test_bytecode_md_equals_the_generator_output():
    text = BYTECODE_MD.read_text(encoding="utf-8")
    assert text == O.markdown(), (
        "docs/bytecode.md is stale: regenerate it with "
        "`python -m amber.vm.opcodes > docs/bytecode.md`")


def test_every_opcode_is_documented_once_in_order():
    text = BYTECODE_MD.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| `([A-Z_]+)` \| ([^|]*) \| ([^|]*) \| ([^|]*) \|$", text, re.M)
    assert [(int(n), name) for n, name, *_ in rows] == [(op.code, op.name) for op in O.OPS]
    for (n, name, arg, effect, doc), op in zip(rows, O.OPS):
        assert arg.strip() == op.arg
        assert effect.strip() == str(op.effect)
        assert doc.strip() == op.doc
    for op in O.OPS:
        assert f"`{op.name}`" in text


def test_operator_tables_are_documented():
    text = BYTECODE_MD.read_text(encoding="utf-8")
    for i, sym in enumerate(O.BINOPS):
        assert f"{i} `{sym}`" in text
    for i, sym in enumerate(O.CMPOPS):
        assert f"{i} `{sym}`" in text
    for i, sym in enumerate(O.UNARYOPS):
        assert f"{i} `{sym}`" in text
    assert f"add {O.INPLACE} for the in-place form" in text


def test_generator_command_prints_the_file():
    """The command the file names as its generator really produces it."""
    proc = subprocess.run([sys.executable, "-m", "amber.vm.opcodes"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == BYTECODE_MD.read_text(encoding="utf-8")


def test_documented_stack_effects_match_stack_effect():
    for op in O.OPS:
        if op.effect != "var" and op.name not in ("FOR_ITER",):
            assert O.stack_effect(op.code, 0, False) == op.effect, op.name
