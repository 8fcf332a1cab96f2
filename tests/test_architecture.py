"""The layers hold: dependencies point inward (contracts in pyproject.toml, checked by import-linter)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Contracts: 6 kept, 0 broken" in result.stdout


def test_importing_the_package_imports_nothing_heavy():
    """Nothing at import time: the ribbon imports planmkg_xl on every click."""
    code = "import sys, planmkg_xl; print(sorted(m for m in ('openpyxl', 'pptx', 'pandas', 'xlwings', 'lxml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
