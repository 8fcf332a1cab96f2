"""Make the workbook's ribbon find THIS Python and planmkg_xl, without touching the workbook.

How xlwings 0.37.8's VBA (xlwings.bas, ``GetConfig``) finds a setting, first hit wins:
1. a ``xlwings.conf`` SHEET in the workbook;
2. a ``xlwings.conf`` FILE in the workbook's folder (skipped for unmapped OneDrive URLs);
3. the USER file: ``%USERPROFILE%\\.xlwings\\xlwings.conf`` on Windows,
   ``~/Library/Containers/com.microsoft.Excel/Data/xlwings.conf`` on Mac (Excel's sandbox);
4. the default: ``python`` on PATH (``pythonw`` for the UDF server).
Keys are case-insensitive; each line is ``"KEY","VALUE"`` (VBA ``Input #``; xlwings' Python
reads the same file with a regex, last duplicate wins, while VBA takes the first: so we keep
exactly one line per key we manage). The committed workbook carries no sheet and no path, so
the user file is where a machine says which Python to use.

``configure_interpreter`` writes that user file: ``INTERPRETER_WIN`` / ``INTERPRETER_MAC`` =
this interpreter (on Windows in an active conda env, ``CONDA PATH`` + ``CONDA ENV`` as
``xlwings config create`` does, so DLLs load), ``PYTHONPATH`` += the folder holding
planmkg_xl only when a clean interpreter cannot import it (a source checkout), and on
Windows ``USE UDF SERVER`` = True (Python stays warm between clicks) when that is safe.

Merge rules: a key the user set is never overwritten (it is reported, ``force=True``
overrides it); keys we wrote earlier are listed in ``"PLANMKG_MANAGED"`` and updated
freely; list values (PYTHONPATH, UDF MODULES) are extended, never replaced; every other
line is kept byte for byte; the file is replaced atomically.

Pure Python: no xlwings import (``planmkg new`` calls this).
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from ..errors import PlanError
from ..messages import msg, os_msg, say

MANAGED_KEY = "PLANMKG_MANAGED"
UDF_MODULE = "planmkg_xl.excel.udfs"
_LINE = re.compile(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"\s*$')
_LIST_KEYS = {"PYTHONPATH", "UDF MODULES"}


def user_config_path(platform: str | None = None, home: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The user xlwings.conf that xlwings' VBA reads (same as ``xlwings.USER_CONFIG_FILE``)."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    if platform == "darwin":
        home = home or Path.home()
        return home / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / "xlwings.conf"
    if platform.startswith("win") and env.get("USERPROFILE") and home is None:
        home = Path(env["USERPROFILE"])  # what VBA's Environ("USERPROFILE") gives
    return (home or Path.home()) / ".xlwings" / "xlwings.conf"


def _encoding(platform: str) -> str:
    """VBA's ``Input #`` reads the file in the ANSI code page, and so does xlwings' Python (locale encoding)."""
    if not platform.startswith("win"):
        return "utf-8"
    if sys.platform.startswith("win"):
        import locale

        getencoding = getattr(locale, "getencoding", None)  # 3.11+: the ANSI code page even in UTF-8 mode
        return getencoding() if getencoding else locale.getpreferredencoding(False)
    return "cp1252"


@dataclass
class ConfigFile:
    """The lines of an xlwings.conf, kept as they are; settings found by key, case-insensitively."""

    lines: list[str]
    newline: str = "\n"

    @classmethod
    def parse(cls, text: str, newline: str = "\n") -> "ConfigFile":
        if "\r\n" in text:
            newline = "\r\n"
        return cls([line for line in text.splitlines()], newline)

    def find(self, key: str) -> list[int]:
        return [i for i, line in enumerate(self.lines) if (m := _LINE.match(line)) and m.group(1).lower() == key.lower()]

    def get(self, key: str) -> str | None:
        found = self.find(key)
        return _LINE.match(self.lines[found[0]]).group(2) if found else None

    def set(self, key: str, value: str) -> None:
        if '"' in value or '"' in key:
            raise PlanError(msg("setup.quote", key=key, value=value))
        line = f'"{key}","{value}"'
        found = self.find(key)
        if found:
            self.lines[found[0]] = line
            for i in reversed(found[1:]):  # VBA reads the first, Python the last: keep one
                del self.lines[i]
        else:
            self.lines.append(line)

    def text(self) -> str:
        lines = [line for line in self.lines]
        while lines and not lines[-1].strip():
            lines.pop()
        return self.newline.join(lines) + (self.newline if lines else "")


def _split(value: str | None) -> list[str]:
    return [p for p in (value or "").split(";") if p.strip()]


def _same_path(a: str, b: str, platform: str) -> bool:
    if platform.startswith("win"):
        return os.path.normcase(a.replace("/", "\\")).lower() == os.path.normcase(b.replace("/", "\\")).lower()
    return os.path.normpath(a) == os.path.normpath(b)


def package_parent() -> Path:
    """The folder that holds the planmkg_xl package (what PYTHONPATH needs when it is not installed)."""
    return Path(__file__).resolve().parent.parent


def importable_without_path(executable: str) -> bool:
    """Can ``executable`` import planmkg_xl from another folder, with no PYTHONPATH (as Excel starts it)?"""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    with tempfile.TemporaryDirectory() as tmp:
        try:
            done = subprocess.run([executable, "-c", "import planmkg_xl"], cwd=tmp, env=env, capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return False
    return done.returncode == 0


def conda_settings(env: Mapping[str, str], prefix: str) -> tuple[str, str] | None:
    """(CONDA PATH, CONDA ENV) when this Python is the active conda env, as ``xlwings config create`` finds them."""
    conda_exe, conda_env, conda_prefix = env.get("CONDA_EXE"), env.get("CONDA_DEFAULT_ENV"), env.get("CONDA_PREFIX")
    if not (conda_exe and conda_env and conda_prefix):
        return None
    if os.path.normcase(os.path.abspath(conda_prefix)) != os.path.normcase(os.path.abspath(prefix)):
        return None
    sep = "\\" if "\\" in conda_exe else "/"
    return sep.join(conda_exe.split(sep)[:-2]), conda_env


def udf_server_safe(platform: str, executable: str, has_pywin32: bool) -> tuple[bool, str]:
    """Is xlwings' "USE UDF SERVER" (Python kept warm) safe here? (answer, reason)."""
    if not platform.startswith("win"):
        return False, say("setup.udf_windows_only")
    if not has_pywin32:
        return False, say("setup.udf_no_pywin32")
    if "windowsapps" in executable.lower():
        return False, say("setup.udf_store_python")
    return True, say("setup.udf_on")


def wanted_settings(platform: str, executable: str, env: Mapping[str, str], prefix: str, needs_path: bool,
                    udf_server: bool | None, has_pywin32: bool, udfs: bool) -> tuple[dict[str, str], list[str]]:
    """The settings this machine needs -> ({key: value}, notes). List keys hold the items to add."""
    wanted: dict[str, str] = {}
    notes: list[str] = []
    conda = conda_settings(env, prefix) if platform.startswith("win") else None
    if platform.startswith("win"):
        if conda:
            wanted["CONDA PATH"], wanted["CONDA ENV"] = conda
            wanted["INTERPRETER_WIN"] = "python"  # xlwings activates the env, then runs its python
        else:
            wanted["INTERPRETER_WIN"] = executable
    else:
        wanted["INTERPRETER_MAC"] = executable
    if needs_path:
        wanted["PYTHONPATH"] = str(package_parent())
    safe, why = udf_server_safe(platform, executable, has_pywin32)
    if udf_server is None:
        udf_server = safe
        if platform.startswith("win") and not safe:
            notes.append(say("setup.udf_left_off", why=why))
    if platform.startswith("win"):
        wanted["USE UDF SERVER"] = "True" if udf_server else "False"
    if udfs:
        wanted["UDF MODULES"] = UDF_MODULE
    return wanted, notes


def merge(config: ConfigFile, wanted: Mapping[str, str], force: bool = False, platform: str = "win32",
          kept: list[str] | None = None) -> list[str]:
    """Apply ``wanted`` to ``config`` by the merge rules; returns one line per change or kept user value.

    ``kept`` (optional) receives the keys whose user value was kept (nothing to write for them).
    """
    kept = [] if kept is None else kept
    managed = set(_split(config.get(MANAGED_KEY)))
    changes: list[str] = []
    for key, value in wanted.items():
        current = config.get(key)
        if key in _LIST_KEYS:
            items = _split(current)
            if any(_same_path(i, value, platform) if key == "PYTHONPATH" else i == value for i in items):
                continue
            config.set(key, ";".join(items + [value]))
            changes.append(say("setup.added", key=key, value=value))
            if current is None:
                managed.add(key)
            continue
        if current == value:
            continue
        if current is not None and key not in managed and not force:
            changes.append(say("setup.kept", key=key, current=repr(current), value=repr(value)))
            kept.append(key)
            continue
        config.set(key, value)
        managed.add(key)
        changes.append(f"{key} = {value}" + (say("setup.was", current=repr(current)) if current is not None else ""))
    if managed and set(_split(config.get(MANAGED_KEY))) != managed:
        config.set(MANAGED_KEY, ";".join(sorted(managed)))
    return changes


def write_atomic_text(path: Path, text: str, encoding: str) -> None:
    """Replace ``path`` with ``text`` atomically (temporary file in the same folder, then ``os.replace``)."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise PlanError(msg("setup.encoding", path=path, reason=exc.reason)) from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".xlwings-", suffix=".conf", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def directory_overrides(workbook_path: Path | None, keys: list[str]) -> list[str]:
    """Keys a ``xlwings.conf`` next to the workbook sets: they win over the user file."""
    if workbook_path is None:
        return []
    local = Path(workbook_path).resolve().parent / "xlwings.conf"
    if not local.is_file():
        return []
    cfg = ConfigFile.parse(local.read_text(encoding="utf-8", errors="replace"))
    return [say("setup.override", path=local, key=k, value=repr(cfg.get(k))) for k in keys if cfg.get(k) is not None]


def install_mac_runpython(platform: str, home: Path | None = None) -> list[str]:
    """Mac: copy xlwings' AppleScript where Excel's sandbox may run it (what ``xlwings runpython install`` does)."""
    if platform != "darwin":
        return []
    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise PlanError(msg("setup.no_xlwings"))
    source_dir = Path(spec.origin).parent
    scripts = sorted(source_dir.glob("xlwings-*.applescript"))
    if not scripts:
        raise PlanError(msg("setup.no_applescript", path=source_dir))
    dest = (home or Path.home()) / "Library" / "Application Scripts" / "com.microsoft.Excel"
    target = dest / scripts[-1].name
    if target.is_file() and target.read_bytes() == scripts[-1].read_bytes():
        return []
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(scripts[-1], target)
    return [say("setup.installed", name=target.name, path=dest)]


def configure_interpreter(workbook_path: Path | None = None, *, force: bool = False, udf_server: bool | None = None,
                          udfs: bool = False, config_path: Path | None = None, executable: str | None = None,
                          platform: str | None = None, env: Mapping[str, str] | None = None,
                          importable: Callable[[str], bool] | None = None, has_pywin32: bool | None = None,
                          home: Path | None = None) -> list[str]:
    """Write the user's xlwings.conf so the ribbon runs this Python with planmkg_xl; returns what changed.

    An empty list means nothing needed changing. ``workbook_path`` (optional) is checked
    for a folder-level xlwings.conf that would override these settings. The keyword
    arguments after ``udfs`` exist for tests.
    """
    platform = platform or sys.platform
    if not (platform.startswith("win") or platform == "darwin"):
        return [say("setup.no_excel", platform=platform)]
    env = os.environ if env is None else env
    executable = executable or sys.executable
    if not executable:
        raise PlanError(msg("setup.no_python"))
    importable = importable or importable_without_path
    if has_pywin32 is None:
        has_pywin32 = importlib.util.find_spec("pythoncom") is not None
    path = config_path or user_config_path(platform, home, env)
    encoding = _encoding(platform)
    try:
        text = path.read_bytes().decode(encoding, errors="surrogateescape") if path.exists() else ""
    except OSError as exc:
        raise PlanError(msg("app.cannot_read", path=path, reason=os_msg(exc))) from exc
    config = ConfigFile.parse(text, "\r\n" if platform.startswith("win") else "\n")
    wanted, notes = wanted_settings(platform, executable, env, sys.prefix, not importable(executable), udf_server, has_pywin32, udfs)
    kept: list[str] = []
    changes = merge(config, wanted, force=force, platform=platform, kept=kept)
    if len(changes) > len(kept):
        try:
            write_atomic_text(path, config.text(), encoding)
        except OSError as exc:
            raise PlanError(msg("setup.cannot_write", path=path, reason=os_msg(exc))) from exc
        changes = [f"{path}: {c}" for c in changes]
    changes += install_mac_runpython(platform, home)
    return changes + notes + directory_overrides(workbook_path, list(wanted))
