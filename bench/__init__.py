"""Amber's benchmarks: `python -m bench` (see docs/performance.md)."""
