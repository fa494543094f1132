"""Run a test program under CPython (the oracle) and under Amber, and compare.

CPython is the reference: a program's expected stdout, exit status and
traceback are whatever ``sys.executable program.py`` produces.  CPython runs are
cached on disk in ``tests/.oracle_cache/`` (keyed by the program's content, its
file name and the exact Python version), so repeated test runs don't pay for a
subprocess per program.  Delete the folder to force fresh runs.

Amber runs in-process through the embedding API::

    prog = amber.compile(source, filename)
    vm = amber.VM(prog, stdout=sink)
    status = vm.run()            # amber.Status.FINISHED or amber.Status.ERROR
    vm.error.traceback           # CPython-style traceback text on ERROR
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

TESTS_DIR = Path(__file__).resolve().parent
PROGRAMS_DIR = TESTS_DIR / "programs"
CACHE_DIR = TESTS_DIR / ".oracle_cache"

# Bump to invalidate every cached CPython result (e.g. if the run protocol changes).
_CACHE_FORMAT = 1


class Result(NamedTuple):
    stdout: str
    stderr: str
    returncode: int


def program_paths() -> list[Path]:
    """Every test program, sorted by file name."""
    return sorted(PROGRAMS_DIR.glob("*.py"), key=lambda p: p.name)


# --------------------------------------------------------------------------- CPython


def _cache_key(path: Path, content: bytes) -> str:
    h = hashlib.sha256()
    h.update(f"amber-oracle-v{_CACHE_FORMAT}\0".encode())
    h.update(sys.version.encode())
    h.update(b"\0")
    h.update(path.name.encode())
    h.update(b"\0")
    h.update(content)
    return h.hexdigest()


def cpython_run(path, *, use_cache: bool = True, timeout: float = 60.0) -> Result:
    """Run ``path`` with this interpreter in a subprocess; cached on disk."""
    path = Path(path).resolve()
    content = path.read_bytes()
    cache_file = CACHE_DIR / f"{_cache_key(path, content)}.json"
    if use_cache and cache_file.exists():
        try:
            data = json.loads(cache_file.read_text(encoding="utf-8"))
            return Result(data["stdout"], data["stderr"], data["returncode"])
        except (OSError, ValueError, KeyError):
            pass  # unreadable or half-written cache entry: run again

    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    for var in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS"):
        env.pop(var, None)
    proc = subprocess.run(
        [sys.executable, str(path)],
        cwd=str(path.parent),
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
    )
    result = Result(
        proc.stdout.decode("utf-8", errors="replace").replace("\r\n", "\n"),
        proc.stderr.decode("utf-8", errors="replace").replace("\r\n", "\n"),
        proc.returncode,
    )

    if use_cache:
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(result._asdict(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, cache_file)  # atomic: safe with parallel test workers
        except OSError:
            pass  # a read-only checkout still works, just without the cache
    return result


# --------------------------------------------------------------------------- Amber


def _format_syntax_error(exc: SyntaxError) -> str:
    """CPython-like text for an uncaught SyntaxError (no 'Traceback' header)."""
    lines = []
    if exc.filename is not None or exc.lineno is not None:
        lines.append(f'  File "{exc.filename}", line {exc.lineno}')
    if exc.text:
        text = exc.text.rstrip("\n")
        stripped = text.lstrip()
        lines.append("    " + stripped)
        if exc.offset:
            col = max(exc.offset - 1 - (len(text) - len(stripped)), 0)
            lines.append("    " + " " * col + "^")
    lines.append(f"{type(exc).__name__}: {exc.msg}")
    return "\n".join(lines) + "\n"


def amber_run_source(source: str, filename: str) -> Result:
    """Compile and run ``source`` in a fresh Amber VM in this process."""
    import amber

    try:
        prog = amber.compile(source, filename)
    except SyntaxError as exc:
        return Result("", _format_syntax_error(exc), 1)
    out = io.StringIO()
    vm = amber.VM(prog, stdout=out)
    status = vm.run()
    if status == amber.Status.FINISHED:
        return Result(out.getvalue(), "", 0)
    if status == amber.Status.ERROR:
        return Result(out.getvalue(), vm.error.traceback, 1)
    raise AssertionError(f"vm.run() returned unexpected status {status!r}")


def amber_run(path) -> Result:
    """Run the program at ``path`` under Amber (filename = the path, like CPython)."""
    path = Path(path).resolve()
    source = path.read_text(encoding="utf-8")
    return amber_run_source(source, str(path))


# --------------------------------------------------------------------------- tracebacks

_FILE_LINE = re.compile(r'^\s*File "(?P<file>[^"]*)", line (?P<line>\d+)(?:, in (?P<func>.*))?\s*$')
_MARKER_LINE = re.compile(r"^\s*[\^~]+[\s\^~]*$")


def _basename(name: str) -> str:
    return re.split(r"[\\/]", name)[-1]


def traceback_essentials(stderr: str) -> list[str]:
    """Reduce a CPython-style traceback to what Amber must reproduce.

    Keeps the ``Traceback (most recent call last):`` header, every
    ``File "...", line N, in func`` line (file reduced to its basename, leading
    indentation dropped), the source line shown under it (stripped), and the
    final ``ExcType: message`` line.  Drops CPython 3.11's caret/tilde marker
    lines and blank lines.  Any other text (e.g. chained-exception separators)
    is kept, stripped, so it is still compared.
    """
    out = []
    for line in stderr.splitlines():
        if not line.strip() or _MARKER_LINE.match(line):
            continue
        m = _FILE_LINE.match(line)
        if m:
            entry = f'File "{_basename(m["file"])}", line {m["line"]}'
            if m["func"] is not None:
                entry += f", in {m['func'].strip()}"
            out.append(entry)
        else:
            out.append(line.strip())
    return out


# --------------------------------------------------------------------------- reporting


def unified_diff(expected: str | list[str], actual: str | list[str], what: str) -> str:
    """A readable unified diff, expected (CPython) vs actual (Amber)."""
    if isinstance(expected, str):
        expected = expected.splitlines()
    if isinstance(actual, str):
        actual = actual.splitlines()
    diff = difflib.unified_diff(
        expected, actual, fromfile=f"{what} (CPython)", tofile=f"{what} (Amber)", lineterm=""
    )
    return "\n".join(diff)


def compare(expected: Result, actual: Result) -> list[str]:
    """Human-readable descriptions of every difference; empty when they agree."""
    problems = []
    if expected.stdout != actual.stdout:
        d = unified_diff(expected.stdout, actual.stdout, "stdout")
        if not d:  # differs only in the final newline or line endings
            d = f"expected {expected.stdout[-40:]!r}\n   got {actual.stdout[-40:]!r}"
        problems.append("stdout differs:\n" + d)
    if expected.returncode != actual.returncode:
        problems.append(
            f"returncode differs: CPython {expected.returncode}, Amber {actual.returncode}"
            + (f"\nAmber stderr:\n{actual.stderr}" if actual.stderr else "")
            + (f"\nCPython stderr:\n{expected.stderr}" if expected.stderr else "")
        )
    exp_tb = traceback_essentials(expected.stderr)
    act_tb = traceback_essentials(actual.stderr)
    if exp_tb != act_tb:
        problems.append("traceback differs:\n" + unified_diff(exp_tb, act_tb, "traceback"))
    return problems
