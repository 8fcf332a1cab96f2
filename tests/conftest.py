"""Shared fixtures: the demo plan and its workbook, built once per session."""
from __future__ import annotations

import shutil

import pytest

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
