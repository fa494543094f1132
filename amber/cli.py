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
        print(f"amber: compiling the interpreter for first use (a minute or two, once; "
              f"cached in {where})", file=sys.stderr, flush=True)


SLICE = 100_000   # instructions per slice when Ctrl-C may ask for a snapshot


def _drive(vm, args) -> int:
    """Run vm per --pause-after / --snapshot; returns the exit status."""
    import signal
    import amber
    from amber import snapshot
    t0 = time.perf_counter()
    interrupted = []
    if args.snapshot and args.pause_after is None:
        signal.signal(signal.SIGINT, lambda *_: interrupted.append(True))
    if args.pause_after is not None:
        status = vm.run(fuel=args.pause_after)
    elif args.snapshot:
        status = vm.run(fuel=SLICE)
        while status is amber.Status.PAUSED and not interrupted:
            status = vm.run(fuel=SLICE)
    else:
        status = vm.run()
    sys.stdout.flush()
    if args.stats:
        dt = time.perf_counter() - t0
        print(f"amber: {vm.instructions} instructions in {dt:.3f} s", file=sys.stderr)
    if status is amber.Status.PAUSED:
        if not args.snapshot:
            print(f"amber: paused after {vm.instructions} instructions (no --snapshot given)",
                  file=sys.stderr)
            return 0
        snapshot.save_file(vm, args.snapshot)
        if interrupted:
            print(f"amber: interrupted; snapshot of instruction {vm.instructions} written to "
                  f"{args.snapshot}", file=sys.stderr)
            return 130
        return 0
    if status is amber.Status.ERROR:
        code = vm.error.exit_code
        if code is None:
            sys.stderr.write(vm.error.traceback)
            return 1
        if vm.error.exit_message is not None:      # SystemExit("message"), as CPython
            print(vm.error.exit_message, file=sys.stderr)
        return code
    return 0


def cmd_run(args) -> int:
    program = _load(args.file)
    _announce_compile()
    import amber
    try:
        vm = amber.VM(program, stdout=sys.stdout, random_seed=args.random_seed)
    except ValueError as e:         # a --random-seed beyond int64
        print(f"amber: --random-seed: {e}", file=sys.stderr)
        return 2
    return _drive(vm, args)


def _open_snapshot(path: str, stdout=None):
    """The VM saved in a snapshot file, or None after a one-line error on stderr."""
    from amber import snapshot
    try:
        return snapshot.load_file(path, stdout=stdout)
    except OSError as e:
        print(f"amber: can't open snapshot {path!r}: {e.strerror}", file=sys.stderr)
    except snapshot.SnapshotError as e:
        print(f"amber: {path}: {e}", file=sys.stderr)
    return None


def cmd_resume(args) -> int:
    _announce_compile()
    vm = _open_snapshot(args.snap, stdout=sys.stdout)
    return 2 if vm is None else _drive(vm, args)


def cmd_inspect(args) -> int:
    from amber.vm.inspect import describe
    vm = _open_snapshot(args.snap)
    if vm is None:
        return 2
    print(describe(vm), end="")
    return 0


def cmd_dis(args) -> int:
    from amber.compiler.dis import disassemble
    program = _load(args.file)
    print(disassemble(program))
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="amber", description="Run Python-subset scripts "
                                     "in Amber's sandboxed, pausable VM.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="run a script")
    p_run.add_argument("file")
    p_run.add_argument("--random-seed", type=int, metavar="N", default=None,
                       help="start the random module from seed N (default: as seed(0))")
    p_run.set_defaults(func=cmd_run)
    p_resume = sub.add_parser("resume", help="continue a script from a snapshot")
    p_resume.add_argument("snap")
    p_resume.set_defaults(func=cmd_resume)
    for p in (p_run, p_resume):
        p.add_argument("--pause-after", type=_positive, metavar="N",
                       help="stop after N instructions and write --snapshot")
        p.add_argument("--snapshot", metavar="OUT",
                       help="where to save the paused script (also on Ctrl-C)")
        p.add_argument("--stats", action="store_true", help="print instruction count and time")
    p_inspect = sub.add_parser("inspect", help="describe a snapshot")
    p_inspect.add_argument("snap")
    p_inspect.set_defaults(func=cmd_inspect)
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
