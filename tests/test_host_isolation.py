"""Nothing a script or a snapshot holds reaches the host's own state: its stdout,
its `random` generator.

When an instruction fails in the VM, Machine._emulate redoes it in CPython on copies
of its operands to report CPython's exact error.  A snapshot may present any
well-formed program at any sound state, so the operands can be a call of print or of
a random function that the VM itself would have run fine: emulating it must not
print to the host's stdout (only the VM's sink is the script's) nor reseed or advance
the host's `random` module."""

import io
import random

import amber
from amber.vm import layout as L
from amber.vm import opcodes as O


def _before(src: str, opname: str):
    """A VM of src paused just before its first instruction named opname."""
    vm = amber.VM(amber.compile(src, "iso.py"), stdout=io.StringIO())
    for _ in range(10_000):
        st = vm.st
        pc = int(st.F[int(st.R[L.R_FP]), L.FR_PC])
        if O.OPS[O.decode(int(st.CODE[pc]))[0]].name == opname:
            return vm
        assert vm.run(fuel=1) is amber.Status.PAUSED
    raise AssertionError(f"no {opname} reached")


def test_emulated_print_stays_off_the_host_stdout(capfd):
    for src, op in [('print("leak-1")\n', "CALL"),
                    ('print("leak-2", end="!\\n")\n', "CALL_KW"),
                    ('args = ["leak-3"]\nprint(*args)\n', "CALL_EX")]:
        vm = _before(src, op)
        vm._emulate()          # what the VM does to word an error at this instruction
        assert vm.stdout.getvalue() == ""
        out, _ = capfd.readouterr()
        assert "leak" not in out, (src, out)


def test_emulated_random_call_leaves_the_host_generator_alone():
    vm = _before("import random\nrandom.seed(123)\nx = random.random()\n", "CALL_METHOD")
    random.seed(7)
    state = random.getstate()
    vm._emulate()
    assert random.getstate() == state
    vm = _before("import random\nx = random.random()\n", "CALL_METHOD")
    vm._emulate()
    assert random.getstate() == state


def test_script_cannot_reach_host_random_or_stdout(capfd):
    """The same through a run: a script's print and random calls, and their errors,
    leave the host's stdout and generator as they were."""
    random.seed(11)
    state = random.getstate()
    src = ("import random\nrandom.seed(5)\nprint(random.random())\n"
           "try:\n    random.seed(*[1, 2, 3, 4])\nexcept TypeError as e:\n    print('TE')\n"
           "try:\n    print('x', **{'sep': 1})\nexcept TypeError as e:\n    print('TE2')\n")
    vm = amber.VM(amber.compile(src, "iso.py"), stdout=io.StringIO())
    assert vm.run() is amber.Status.FINISHED
    assert vm.stdout.getvalue().splitlines()[1:] == ["TE", "TE2"]
    assert random.getstate() == state
    out, _ = capfd.readouterr()
    assert out == ""
