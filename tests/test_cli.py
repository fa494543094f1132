"""The `amber` command line, run as a real subprocess (CPython is the oracle).

Each subprocess pays interpreter start-up plus loading the cached numba code, so the
subprocess tests are few; the cheaper argument-handling checks call amber.cli.main()
in this process.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import amber
from amber import cli
from oracle import PROGRAMS_DIR, cpython_run, traceback_essentials

VENV_BIN = Path(sys.executable).parent
AMBER = shutil.which("amber", path=str(VENV_BIN)) or shutil.which("amber")


def _env():
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "0"
    return env


def amber_cli(*args, cwd=None, module=False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "amber", *args] if module else [AMBER, *args]
    proc = subprocess.run(cmd, capture_output=True, cwd=cwd, env=_env(), timeout=300,
                          stdin=subprocess.DEVNULL)
    proc.stdout = proc.stdout.decode("utf-8").replace("\r\n", "\n")
    proc.stderr = proc.stderr.decode("utf-8").replace("\r\n", "\n")
    return proc


def _stderr_without_compile_notice(stderr: str) -> str:
    """Drop the one-time 'compiling the interpreter' notice (cold numba cache)."""
    return "".join(ln for ln in stderr.splitlines(keepends=True)
                   if not ln.startswith("amber: compiling the interpreter"))


@pytest.fixture(scope="module", autouse=True)
def warm_cache():
    """Compile (or load) the interpreter here first, so that the child processes find it
    in numba's cache instead of each compiling it."""
    vm = amber.VM(amber.compile("x = 1\n", "warm.py"), stdout=io.StringIO())
    assert vm.run() is amber.Status.FINISHED


def test_amber_script_is_installed():
    assert AMBER is not None and Path(AMBER).exists()


@pytest.mark.parametrize("name", ["033_recursion.py", "018_unicode_text.py",
                                  "060_game_of_life.py"])
def test_run_prints_what_cpython_prints(name):
    path = PROGRAMS_DIR / name
    expected = cpython_run(path)
    assert expected.returncode == 0
    proc = amber_cli("run", str(path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected.stdout
    assert _stderr_without_compile_notice(proc.stderr) == ""


def test_run_stats_counts_the_same_instructions_as_in_process():
    """Determinism across processes: the CLI's instruction count equals an in-process run."""
    path = PROGRAMS_DIR / "062_merge_quick_sort.py"
    proc = amber_cli("run", "--stats", str(path))
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"amber: (\d+) instructions in", proc.stderr)
    assert m, proc.stderr
    vm = amber.VM(amber.compile(path.read_text(encoding="utf-8"), str(path)),
                  stdout=io.StringIO())
    assert vm.run() is amber.Status.FINISHED
    assert int(m.group(1)) == vm.instructions
    assert proc.stdout == vm.stdout.getvalue()


def test_run_error_program_exits_1_with_cpythons_traceback():
    path = PROGRAMS_DIR / "err_005_zero_division.py"
    expected = cpython_run(path)
    assert expected.returncode == 1
    proc = amber_cli("run", str(path))
    assert proc.returncode == 1
    assert proc.stdout == expected.stdout
    stderr = _stderr_without_compile_notice(proc.stderr)
    assert stderr.rstrip().splitlines()[-1] == expected.stderr.rstrip().splitlines()[-1]
    assert traceback_essentials(stderr) == traceback_essentials(expected.stderr)


def test_run_syntax_error_exits_1_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("x = 1\ny = (2 +\nprint(y)\n")
    cpy = subprocess.run([sys.executable, str(bad)], capture_output=True, text=True)
    proc = amber_cli("run", str(bad))
    assert proc.returncode == 1
    assert proc.stdout == ""
    stderr = _stderr_without_compile_notice(proc.stderr)
    assert "SyntaxError" in stderr
    assert f'File "{bad}", line 2' in stderr
    assert stderr.rstrip().splitlines()[-1] == cpy.stderr.rstrip().splitlines()[-1]
    assert "^" in stderr


def test_run_unsupported_feature_exits_1_as_syntax_error(tmp_path):
    src = tmp_path / "cls.py"
    src.write_text("print('never runs')\nasync def g():\n    pass\n")
    proc = amber_cli("run", str(src), module=True)
    assert proc.returncode == 1
    assert proc.stdout == ""               # compile-time: nothing ran
    stderr = _stderr_without_compile_notice(proc.stderr)
    assert f'File "{src}", line 2' in stderr
    last = stderr.rstrip().splitlines()[-1]
    assert last.startswith("SyntaxError: ") and "async" in last


def test_missing_file_exits_2(tmp_path):
    missing = tmp_path / "nope.py"
    cpy = subprocess.run([sys.executable, str(missing)], capture_output=True, text=True)
    proc = amber_cli("run", str(missing))
    assert proc.returncode == 2 == cpy.returncode
    assert "nope.py" in proc.stderr and "No such file" in proc.stderr
    assert proc.stdout == ""


def test_dis_lists_instructions():
    path = PROGRAMS_DIR / "036_lambda.py"
    proc = amber_cli("dis", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "LOAD_" in proc.stdout and "RETURN_VALUE" in proc.stdout
    assert "<lambda>" in proc.stdout and "<module>" in proc.stdout
    from amber.compiler.dis import disassemble
    prog = amber.compile(path.read_text(encoding="utf-8"), str(path))
    assert proc.stdout == disassemble(prog) + "\n"


def test_python_dash_m_amber_run(tmp_path):
    script = tmp_path / "hello.py"
    script.write_text("def greet(n):\n    return f'hello {n}!'\nfor i in range(3):\n"
                      "    print(greet(i), i * 2.5)\n")
    expected = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    proc = amber_cli("run", str(script), module=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected.stdout


# ---------------------------------------------------------------------------
# In-process: argument handling through cli.main()
# ---------------------------------------------------------------------------

def test_main_without_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main([])
    assert info.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_main_unknown_command(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["frobnicate", "x.py"])
    assert info.value.code == 2


def test_main_dis_of_a_syntax_error(tmp_path, capsys):
    bad = tmp_path / "b.py"
    bad.write_text("def f(:\n")
    with pytest.raises(SystemExit) as info:
        cli.main(["dis", str(bad)])
    assert info.value.code == 1
    err = capsys.readouterr().err
    assert "SyntaxError" in err and "line 1" in err


def test_main_run_returns_status(tmp_path, capsys):
    ok = tmp_path / "ok.py"
    ok.write_text("print(6 * 7)\n")
    assert cli.main(["run", str(ok)]) == 0
    assert capsys.readouterr().out == "42\n"
    boom = tmp_path / "boom.py"
    boom.write_text("print('before')\n[][1]\n")
    assert cli.main(["run", str(boom)]) == 1
    out, err = capsys.readouterr()
    assert out == "before\n"
    assert err.rstrip().endswith("IndexError: list index out of range")


def test_run_unknown_import_and_random_seed(tmp_path):
    """An import Amber does not provide fails at compile time like a missing module;
    --random-seed picks the generator's starting seed."""
    src = tmp_path / "imp.py"
    src.write_text("x = 1\nimport os\n")
    proc = amber_cli("run", str(src))
    assert proc.returncode == 1 and proc.stdout == ""
    stderr = _stderr_without_compile_notice(proc.stderr)
    assert f'File "{src}", line 2' in stderr and "^" in stderr
    assert stderr.rstrip().splitlines()[-1].startswith("ModuleNotFoundError: No module named 'os'")
    rnd = tmp_path / "rnd.py"
    rnd.write_text("import random\nprint(random.random())\n")
    a = amber_cli("run", str(rnd)).stdout
    b = amber_cli("run", "--random-seed", "5", str(rnd)).stdout
    rnd.write_text("import random\nrandom.seed(5)\nprint(random.random())\n")
    c = amber_cli("run", str(rnd)).stdout
    assert a != b and b == c
    import random
    assert a == f"{random.Random(0).random()}\n" and c == f"{random.Random(5).random()}\n"
    big = amber_cli("run", "--random-seed", str(2 ** 64), str(rnd))
    assert big.returncode == 2 and "--random-seed" in big.stderr and big.stdout == ""


SYSTEM_EXITS = {
    "bare": "print('before')\nraise SystemExit\nprint('after')\n",
    "none": "raise SystemExit(None)\n",
    "status": "def f():\n    raise SystemExit(3)\nf()\n",
    "big_status": "raise SystemExit(300)\n",
    "message": "raise SystemExit('bye now')\n",
    "two_args": "raise SystemExit(1, 2)\n",
    "subclass": "class Quit(SystemExit):\n    pass\nraise Quit(4)\n",
    "finally_runs": "try:\n    raise SystemExit(5)\nfinally:\n    print('cleanup')\n",
    "caught": "try:\n    raise SystemExit(2)\nexcept SystemExit as e:\n    print('code', e.code)\n",
}


@pytest.mark.parametrize("name", sorted(SYSTEM_EXITS))
def test_system_exit_gives_cpythons_status_and_message(name, tmp_path, capsys):
    script = tmp_path / f"{name}.py"
    script.write_text(SYSTEM_EXITS[name])
    cpy = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    code = cli.main(["run", str(script)])
    out = capsys.readouterr()
    assert code == cpy.returncode
    assert out.out == cpy.stdout
    assert _stderr_without_compile_notice(out.err) == cpy.stderr
