"""`planmkg excel setup`: the user xlwings.conf is merged (never clobbered) and replaced atomically."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from planmkg_xl.excel import setup as es
from planmkg_xl.errors import PlanError

WIN_PY = r"C:\Users\jo\venvs\plan\Scripts\python.exe"


def _setup(tmp_path, text: str | None = None, platform="win32", **kw) -> tuple[list[str], Path]:
    conf = tmp_path / ".xlwings" / "xlwings.conf"
    if text is not None:
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_bytes(text.encode("cp1252" if platform.startswith("win") else "utf-8"))
    kw.setdefault("executable", WIN_PY if platform.startswith("win") else "/Users/jo/venv/bin/python")
    kw.setdefault("importable", lambda exe: True)
    kw.setdefault("has_pywin32", True)
    kw.setdefault("env", {})
    changes = es.configure_interpreter(None, config_path=conf, platform=platform, home=tmp_path, **kw)
    return changes, conf


def _settings(conf: Path, platform="win32") -> dict[str, str]:
    cfg = es.ConfigFile.parse(conf.read_bytes().decode("cp1252" if platform.startswith("win") else "utf-8"))
    return {m.group(1): m.group(2) for line in cfg.lines if (m := es._LINE.match(line))}


def test_user_config_path_is_xlwings_own():
    home = Path("/h")
    assert es.user_config_path("darwin", home) == home / "Library/Containers/com.microsoft.Excel/Data/xlwings.conf"
    assert es.user_config_path("win32", home) == home / ".xlwings" / "xlwings.conf"
    assert es.user_config_path("win32", env={"USERPROFILE": r"C:\Users\jo"}) == Path(r"C:\Users\jo") / ".xlwings" / "xlwings.conf"
    import xlwings

    assert es.user_config_path(sys.platform) == Path(xlwings.USER_CONFIG_FILE)


def test_fresh_windows_config_points_at_this_python_and_keeps_it_warm(tmp_path):
    changes, conf = _setup(tmp_path)
    assert _settings(conf) == {"INTERPRETER_WIN": WIN_PY, "USE UDF SERVER": "True",
                               es.MANAGED_KEY: "INTERPRETER_WIN;USE UDF SERVER"}
    assert conf.read_bytes().endswith(b"\r\n") and b"\n" not in conf.read_bytes().replace(b"\r\n", b"")
    assert any("INTERPRETER_WIN" in c for c in changes)
    again, _ = _setup(tmp_path)
    assert again == []  # idempotent: nothing to change, file untouched


def test_user_values_are_kept_unless_forced_and_other_lines_are_untouched(tmp_path):
    original = ('"INTERPRETER_WIN","C:\\Python312\\python.exe"\r\n"LICENSE_KEY","abc"\r\n'
                '"PYTHONPATH","C:\\mine"\r\n"SHOW CONSOLE","False"\r\n')
    changes, conf = _setup(tmp_path, original, importable=lambda exe: False)
    s = _settings(conf)
    assert s["INTERPRETER_WIN"] == "C:\\Python312\\python.exe"  # the user's, kept
    assert any("kept your value" in c for c in changes)
    assert s["LICENSE_KEY"] == "abc" and s["SHOW CONSOLE"] == "False"
    assert s["PYTHONPATH"] == "C:\\mine;" + str(es.package_parent())  # extended, not replaced
    text = conf.read_bytes().decode("cp1252")
    for line in ('"LICENSE_KEY","abc"', '"SHOW CONSOLE","False"'):
        assert line in text.splitlines()
    changes, conf = _setup(tmp_path, None, force=True)
    assert _settings(conf)["INTERPRETER_WIN"] == WIN_PY


def test_keys_we_wrote_are_updated_freely(tmp_path):
    _setup(tmp_path)
    changes, conf = _setup(tmp_path, None, executable=r"D:\new\python.exe")
    assert _settings(conf)["INTERPRETER_WIN"] == r"D:\new\python.exe"
    assert any("was" in c for c in changes)


def test_duplicate_keys_collapse_to_one_line(tmp_path):
    # VBA reads the first "INTERPRETER_WIN", xlwings' Python the last: leave exactly one.
    _, conf = _setup(tmp_path, f'"{es.MANAGED_KEY}","INTERPRETER_WIN"\r\n"interpreter_win","x"\r\n"INTERPRETER_WIN","y"\r\n')
    lines = conf.read_bytes().decode("cp1252").splitlines()
    assert sum(1 for line in lines if line.lower().startswith('"interpreter_win"')) == 1


def test_conda_on_windows_uses_xlwings_conda_settings(tmp_path):
    env = {"CONDA_EXE": r"C:\miniconda3\Scripts\conda.exe", "CONDA_DEFAULT_ENV": "plan", "CONDA_PREFIX": sys.prefix}
    _, conf = _setup(tmp_path, env=env)
    s = _settings(conf)
    assert s["CONDA PATH"] == r"C:\miniconda3" and s["CONDA ENV"] == "plan" and s["INTERPRETER_WIN"] == "python"


def test_udf_server_only_where_safe(tmp_path):
    changes, conf = _setup(tmp_path, executable=r"C:\Users\jo\AppData\Local\Microsoft\WindowsApps\python.exe")
    assert _settings(conf)["USE UDF SERVER"] == "False" and any("Microsoft Store" in c for c in changes)
    _, conf = _setup(tmp_path / "b", has_pywin32=False)
    assert _settings(conf)["USE UDF SERVER"] == "False"
    _, conf = _setup(tmp_path / "c", udf_server=False)
    assert _settings(conf)["USE UDF SERVER"] == "False"
    _, conf = _setup(tmp_path / "d", udfs=True)
    assert _settings(conf)["UDF MODULES"] == "planmkg_xl.excel.udfs"


def test_user_udf_modules_are_extended(tmp_path):
    _, conf = _setup(tmp_path, '"UDF MODULES","my_udfs"\r\n', udfs=True)
    assert _settings(conf)["UDF MODULES"] == "my_udfs;planmkg_xl.excel.udfs"


def test_mac_sets_interpreter_mac_and_installs_runpython(tmp_path):
    changes, conf = _setup(tmp_path, platform="darwin")
    s = _settings(conf, "darwin")
    assert s["INTERPRETER_MAC"] == "/Users/jo/venv/bin/python" and "USE UDF SERVER" not in s
    import xlwings

    script = tmp_path / "Library" / "Application Scripts" / "com.microsoft.Excel" / f"xlwings-{xlwings.__version__}.applescript"
    assert script.is_file() and any("applescript" in c for c in changes)


def test_linux_writes_nothing(tmp_path):
    conf = tmp_path / "xlwings.conf"
    changes = es.configure_interpreter(None, config_path=conf, platform="linux")
    assert not conf.exists() and "Excel does not run" in changes[0]


def test_write_is_atomic(tmp_path, monkeypatch):
    original = '"LICENSE_KEY","abc"\r\n'
    conf = tmp_path / ".xlwings" / "xlwings.conf"
    conf.parent.mkdir(parents=True)
    conf.write_bytes(original.encode())

    def boom(src, dst):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(PlanError, match="Cannot write"):
        _setup(tmp_path, None)
    assert conf.read_bytes() == original.encode()  # untouched
    assert [p.name for p in conf.parent.iterdir()] == ["xlwings.conf"]  # no temporary file left


def test_a_quote_in_a_path_is_refused(tmp_path):
    with pytest.raises(PlanError, match="double quote"):
        _setup(tmp_path, executable='C:\\odd"dir\\python.exe')


def test_a_folder_xlwings_conf_that_overrides_is_reported(tmp_path):
    book = tmp_path / "plans" / "Plan_Marketing.xlsm"
    book.parent.mkdir()
    book.write_bytes(b"x")
    (book.parent / "xlwings.conf").write_text('"INTERPRETER_WIN","C:\\other\\python.exe"\n', encoding="utf-8")
    changes = es.configure_interpreter(book, config_path=tmp_path / "u.conf", platform="win32", executable=WIN_PY,
                                       importable=lambda exe: True, has_pywin32=True, env={})
    assert any("wins over the user settings" in c for c in changes)


def test_this_python_imports_the_package_from_elsewhere():
    # The real check `planmkg new` runs: is PYTHONPATH needed for Excel's Python?
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        distribution("planmkg_xl")
    except PackageNotFoundError:
        pytest.skip("planmkg_xl is not installed in this Python (run from a checkout): PYTHONPATH would be written")
    assert es.importable_without_path(sys.executable) is True
    assert es.importable_without_path(str(Path(sys.executable).with_name("no-such-python"))) is False
