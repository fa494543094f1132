"""The `amber` command: run and disassemble scripts."""

from __future__ import annotations

import argparse
import sys
import time


def _load(path: str):
    """(source, Program) for a script file, or exit with CPython's message and status."""
    import amber
    from amber.compiler.errors import format_syntax_error
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
    except OSError as e:
        print(f"amber: can't open file {path!r}: [Errno {e.errno}] {e.strerror}", file=sys.stderr)
        sys.exit(2)
    try:
        return amber.compile(source, path)
    except SyntaxError as e:
        sys.stderr.write(format_syntax_error(e))
        sys.exit(1)


def _announce_compile():
    """Say so once when numba must compile the interpreter (empty cache)."""
    from amber import vm
    if not vm.cache_is_warm():
        where = vm.CACHE_DIR if vm.CACHE_DIR is not None else "nowhere (no writable folder)"
        print(f"amber: compiling the interpreter for first use (about a minute; "
              f"cached in {where})", file=sys.stderr, flush=True)


def cmd_run(args) -> int:
    program = _load(args.file)
    _announce_compile()
    import amber
    t0 = time.perf_counter()
    vm = amber.VM(program, stdout=sys.stdout)
    status = vm.run()
    sys.stdout.flush()
    if args.stats:
        dt = time.perf_counter() - t0
        print(f"amber: {vm.instructions} instructions in {dt:.3f} s", file=sys.stderr)
    if status is amber.Status.ERROR:
        sys.stderr.write(vm.error.traceback)
        return 1
    return 0


def cmd_dis(args) -> int:
    from amber.compiler.dis import disassemble
    program = _load(args.file)
    print(disassemble(program))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="amber", description="Run Python-subset scripts "
                                     "in Amber's sandboxed, pausable VM.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="run a script")
    p_run.add_argument("file")
    p_run.add_argument("--stats", action="store_true", help="print instruction count and time")
    p_run.set_defaults(func=cmd_run)
    p_dis = sub.add_parser("dis", help="disassemble a script")
    p_dis.add_argument("file")
    p_dis.set_defaults(func=cmd_dis)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\namber: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
