"""Excel's own "open file" dialog for « Importer… », as each platform's Excel hands it to Python.

xlwings has no file-dialog API of its own: ``book.app.api`` is Excel's object model as the
platform exposes it (xlwings ``_xlwindows.App.api`` / ``_xlmac.App.api`` both return the
raw application object), so the dialog is Excel's ``GetOpenFilename``, called two ways:

- **Windows** (COM through pywin32): ``Application.GetOpenFilename(FileFilter, FilterIndex,
  Title, ButtonText, MultiSelect)`` — Microsoft, « Application.GetOpenFilename method
  (Excel) », learn.microsoft.com/office/vba/api/excel.application.getopenfilename: with
  ``MultiSelect=True`` it returns an array of the chosen names *even when only one is
  chosen* (pywin32 gives a tuple), a single name when ``MultiSelect`` is False, and
  **False** (a bool, not an empty list) when the user cancels. ``ButtonText`` is
  "Macintosh only", so it is not passed; arguments are passed by name, as xlwings itself
  calls COM methods (``self.xl.Close(SaveChanges=False)`` in ``xlwings/_xlwindows.py``).
- **Mac** (AppleScript through appscript, with xlwings' ``mac_dict`` terms): the command
  ``get_open_filename(file_filter, button_text, multi_select)`` of Excel's scripting
  dictionary (xlwings ``xlwings/mac_dict.py`` and ``resources/mac/Microsoft Excel2016
  Dictionary-py.html``: "file_filter — a list of comma-separated file type codes", result
  text). Windows' "Description,*.csv" filter means nothing there, so none is passed. Paths
  come back as HFS paths ("Macintosh HD:Users:…"), which xlwings turns into POSIX paths with
  ``mactypes`` (``hfs_to_posix_path`` in ``xlwings/_xlmac.py``); we do the same.

What a real Excel returns on the Mac (a list for several files? False on Cancel?) is read
from the dictionary, not observed: docs/verification.md says so. ``paths`` accepts every
shape either platform can give.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

WINDOWS_FILTER = "Exports (*.csv;*.txt;*.xlsx;*.xls),*.csv;*.txt;*.xlsx;*.xls"


def ask_files(api: Any, platform: str, title: str) -> list[Path] | None:
    """Excel's "open file" dialog, several files allowed: the paths chosen ([] when cancelled), None when this
    platform's Excel has no such dialog (the caller offers another)."""
    if platform.startswith("win"):
        return paths(api.GetOpenFilename(FileFilter=WINDOWS_FILTER, FilterIndex=1, Title=title, MultiSelect=True))
    if platform == "darwin":
        return [Path(hfs_to_posix(p)) for p in paths(api.get_open_filename(multi_select=True), keep=str)]
    return None


def paths(picked: Any, keep=Path) -> list:
    """What ``GetOpenFilename`` returned -> the names chosen: False or None (cancelled) -> [], one name -> [it],
    an array (tuple, list) -> its non-empty names, in order."""
    if picked is None or isinstance(picked, bool):
        return []  # False: the user cancelled (True never comes back, but is not a file either)
    if isinstance(picked, str):
        return [keep(picked)] if picked else []
    if isinstance(picked, (list, tuple)):
        return [keep(p) for p in picked if isinstance(p, str) and p]
    return []


def hfs_to_posix(path: str) -> str:
    """"Macintosh HD:Users:me:f.csv" -> "/Users/me/f.csv" (another volume: "/Volumes/<name>/…"); a POSIX path is kept.

    Uses ``mactypes`` as xlwings does when it is there (it knows the boot volume's real name); else the rule
    below, which assumes the first volume named is the boot volume when it is "Macintosh HD".
    """
    if path.startswith("/") or ":" not in path:
        return path
    try:  # pragma: no cover - only on a Mac with appscript (xlwings' own dependency there)
        import mactypes

        return mactypes.converturltopath(mactypes.convertpathtourl(path, 1), 0)
    except ImportError:
        pass
    volume, _, rest = path.partition(":")
    parts = "/".join(rest.split(":"))
    return f"/{parts}" if volume == "Macintosh HD" else f"/Volumes/{volume}/{parts}"
