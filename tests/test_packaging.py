"""The install the docs promise works: an sdist and a wheel that twine accepts, and the wheel,
installed in a fresh virtual environment (no access to this checkout), runs `planmkg demo`.

This is the only test that installs from the package index (the wheel's dependencies);
pip's cache makes it quick after the first run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)])
    return out


def test_sdist_and_wheel_pass_twine_check(dist):
    pytest.importorskip("twine")
    files = sorted(dist.iterdir())
    assert sorted(p.suffix for p in files) == [".gz", ".whl"], files
    done = _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)])
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_wheel_holds_every_module_and_data_file(dist):
    """A subpackage or a data file forgotten in pyproject.toml would install a broken tool."""
    tracked = _run(["git", "ls-files", "planmkg_xl", "ribbon"], cwd=ROOT).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    expected = {("planmkg_xl/ribbon/" + p[len("ribbon/"):]) if p.startswith("ribbon/") else p for p in tracked}
    wheel = next(dist.glob("*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        shipped = {n for n in zf.namelist() if not n.startswith("planmkg_xl-")}
    assert expected - shipped == set(), f"missing from the wheel: {sorted(expected - shipped)}"


def test_wheel_in_a_fresh_venv_runs_the_demo(dist, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    wheel = next(dist.glob("*.whl"))
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = _run([str(bin_dir / "planmkg"), "demo", "--out", str(tmp_path / "demo")], cwd=tmp_path, env=env)
    assert (tmp_path / "demo" / "Plan_Marketing.xlsm").stat().st_size > 50_000
    assert (tmp_path / "demo" / "Plan_Marketing.pptx").stat().st_size > 50_000
    assert "Plan_Marketing.pptx" in done.stdout
    # the package it ran is the installed wheel, not this checkout
    where = _run([str(bin_dir / "python"), "-c", "import planmkg_xl; print(planmkg_xl.__file__)"], cwd=tmp_path, env=env).stdout
    assert str(env_dir) in where and str(ROOT) not in where
