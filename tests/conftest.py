"""Shared test configuration: make tests/ importable and expose the programs dir."""

import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).resolve().parent
if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))

from oracle import PROGRAMS_DIR  # noqa: E402


@pytest.fixture(scope="session")
def programs_dir() -> Path:
    """Directory of the CPython-oracle test programs (tests/programs)."""
    return PROGRAMS_DIR
