"""Shared fixtures: the demo plan and its workbook, built once per session."""
from __future__ import annotations

import os
import shutil

import pytest

from ooxml import Recorder

from planmkg_xl import app
from planmkg_xl.demo import demo_plan


@pytest.fixture(autouse=True)
def _messages_in_english(monkeypatch):
    """Each test starts as a fresh command on an English machine: no language left over from the test before.

    Tests about languages set the locale themselves (CliRunner's ``env``).
    """
    from planmkg_xl.messages import reset_lang

    monkeypatch.setenv("PLANMKG_LANG", "en")
    reset_lang()
    yield
    reset_lang()


@pytest.fixture(scope="session")
def demo_xlsm_bytes() -> bytes:
    return app.build_xlsm(demo_plan())


@pytest.fixture()
def demo_xlsm(tmp_path, demo_xlsm_bytes):
    path = tmp_path / "Plan_Marketing.xlsm"
    path.write_bytes(demo_xlsm_bytes)
    return path


@pytest.fixture()
def wb(demo_xlsm):
    """The demo workbook, a fresh copy per test (short name: most file tests edit it)."""
    return demo_xlsm


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_lo = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")


# --- the OOXML oracle on every workbook the product writes (tests/ooxml.py) ---------

def pytest_configure(config):
    config.addinivalue_line("markers", "ooxml_unchecked: do not validate the workbooks this test makes (say why)")


@pytest.fixture(scope="session", autouse=True)
def _ooxml_recorder():
    import planmkg_xl.app  # noqa: F401 — load the modules whose imported names the recorder patches
    import planmkg_xl.io.read  # noqa: F401

    recorder = Recorder()
    with pytest.MonkeyPatch.context() as mp:
        if os.environ.get("PLANMKG_OOXML_ORACLE") != "off":  # "off" only to measure what the oracle costs
            recorder.install(mp)
        yield recorder


@pytest.fixture(autouse=True)
def _ooxml_oracle(request, _ooxml_recorder):
    """After each test: every workbook written (built, recomputed…) is schema-valid and breaks none of Excel's rules."""
    yield
    problems = _ooxml_recorder.problems()
    if request.node.get_closest_marker("ooxml_unchecked") is None:
        assert not problems, "a workbook written by this test is not what Excel expects:\n  " + "\n  ".join(problems[:40])
