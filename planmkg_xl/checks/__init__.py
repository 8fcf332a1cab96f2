"""Objective coherence (PLAN_SPEC §2): one module per family of rules, run by ``run_checks``.

The registry (every rule module) is imported on first use of ``RULES``, ``Rule`` or ``run_checks``,
not with the package: a sibling such as ``checks.pacing`` (month names for the monthly review) does
not need the rules, and a ribbon click pays for what it imports (bench/ribbon_import.py).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["RULES", "Rule", "run_checks"]

if TYPE_CHECKING:
    from .registry import RULES, Rule, run_checks


def __getattr__(name: str):
    if name in __all__:
        from . import registry

        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
