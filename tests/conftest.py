"""Shared test settings.

Property tests run without Hypothesis's per-example deadline: on a shared machine one slow
example (a pack compiled on first use, a busy core) says nothing about the code, and speed is
measured by the scripts under ``benchmarks/``, not by tests.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("sourcecrit", deadline=None)
settings.load_profile("sourcecrit")
