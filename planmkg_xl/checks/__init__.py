"""Objective coherence (PLAN_SPEC §2): one module per family of rules, run by ``run_checks``."""
from .registry import RULES, Rule, run_checks

__all__ = ["RULES", "Rule", "run_checks"]
