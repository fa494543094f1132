"""Every tests/programs/*.py must behave under Amber exactly as under CPython.

Compared: stdout (exactly), the exit status (0, or 1 for an uncaught error) and
the essentials of the traceback (see oracle.traceback_essentials).
"""

import pytest

from oracle import amber_run, compare, cpython_run, program_paths

PROGRAMS = program_paths()


def test_corpus_is_present():
    assert len(PROGRAMS) >= 80, f"expected the program corpus, found {len(PROGRAMS)} files"


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_program_matches_cpython(path):
    expected = cpython_run(path)
    if path.name.startswith("err_"):
        assert expected.returncode != 0, f"{path.name} is an error program but CPython ran it cleanly"
    else:
        assert expected.returncode == 0, f"CPython failed on {path.name}:\n{expected.stderr}"
    actual = amber_run(path)
    problems = compare(expected, actual)
    if problems:
        pytest.fail(f"{path.name}: Amber differs from CPython\n\n" + "\n\n".join(problems), pytrace=False)
