"""Sheet protection around the ribbon's writes: unprotect, write, re-protect with the same options.

Every plan sheet and the Contrôles sheet are protected (no password) and their derived
cells locked, so that a user cannot type over a formula by accident. Excel refuses any
write to a locked cell of a protected sheet — from the keyboard and from code alike
(run-time error 1004) — so each write of the ribbon goes through ``unprotected(sheet)``:

    with unprotected(sheet, lang):
        sheet.range("E7").formula = "=…"

Why this and not ``Protect UserInterfaceOnly:=True`` (docs/excel.md, "Protected sheets"):
UserInterfaceOnly is not saved in the file — it would have to be re-applied at every open
by a Workbook_Open macro (one more VBA module, and nothing when macros are disabled) or at
every click (which is a re-protect anyway); Excel still refuses to resize a Table on such a
sheet; and Excel for Mac has known gaps with it. Unprotect / re-protect in ``try/finally``
works the same on Windows and Mac, restores exactly the options the user chose (insert
rows, format columns…), and a password the user added is never guessed nor removed: the
ribbon says which sheet to unprotect and stops before writing anything.

The sheet surface is xlwings' ``sheet.api``: COM on Windows (``ProtectContents``,
``Protection.AllowFormattingColumns``…, ``Unprotect(Password)``, ``Protect(…)`` with
positional arguments, as late-bound COM needs), AppleScript on Mac (``protect_contents``,
``unprotect``, ``protect_worksheet``). tests/fake_xlbook.py models the COM surface and
Excel's refusal; the Mac path is checked only by the manual smoke test.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from ..errors import WorkbookError
from ..messages import say

# Excel's Worksheet.Protect arguments after Password, in their COM order.
PROTECT_ARGS = ("DrawingObjects", "Contents", "Scenarios", "UserInterfaceOnly")
ALLOW_ARGS = ("AllowFormattingCells", "AllowFormattingColumns", "AllowFormattingRows", "AllowInsertingColumns",
              "AllowInsertingRows", "AllowInsertingHyperlinks", "AllowDeletingColumns", "AllowDeletingRows",
              "AllowSorting", "AllowFiltering", "AllowUsingPivotTables")


@dataclass(frozen=True)
class ProtectionState:
    """How a sheet is protected: the flags ``Protect`` takes, by their COM names."""

    flags: dict

    def protect_args(self) -> list:
        """``Worksheet.Protect``'s positional arguments (no password: the ribbon never sets one)."""
        return [""] + [bool(self.flags.get(k, k == "Contents")) for k in PROTECT_ARGS + ALLOW_ARGS]


class _Com:
    """Windows: the COM Worksheet."""

    def __init__(self, api: Any):
        self.api = api

    def is_protected(self) -> bool:
        return bool(self.api.ProtectContents)

    def state(self) -> ProtectionState:
        api, p = self.api, self.api.Protection
        flags = {"DrawingObjects": api.ProtectDrawingObjects, "Contents": api.ProtectContents,
                 "Scenarios": api.ProtectScenarios, "UserInterfaceOnly": api.ProtectionMode}
        flags.update({k: getattr(p, k) for k in ALLOW_ARGS})
        return ProtectionState(flags)

    def unprotect(self) -> None:
        self.api.Unprotect("")  # "" and not nothing: no password prompt, an error when there is one

    def protect(self, state: ProtectionState) -> None:
        self.api.Protect(*state.protect_args())


class _AppleScript:
    """Mac: the AppleScript worksheet (xlwings' appscript reference). Not verified without a Mac (docs/excel.md)."""

    def __init__(self, api: Any):
        self.api = api

    def is_protected(self) -> bool:
        return bool(self.api.protect_contents.get())

    def state(self) -> ProtectionState:
        api = self.api
        flags = {"DrawingObjects": api.protect_drawing_objects.get(), "Contents": api.protect_contents.get(),
                 "Scenarios": api.protect_scenarios.get(), "UserInterfaceOnly": api.protection_mode.get()}
        p = api.protection
        for k in ALLOW_ARGS:
            snake = "".join("_" + ch.lower() if ch.isupper() else ch for ch in k).lstrip("_")
            flags[k] = getattr(p, snake).get()
        return ProtectionState(flags)

    def unprotect(self) -> None:
        self.api.unprotect(password="")

    def protect(self, state: ProtectionState) -> None:
        kw = {"".join("_" + ch.lower() if ch.isupper() else ch for ch in k).lstrip("_"): bool(v)
              for k, v in state.flags.items()}
        self.api.protect_worksheet(password="", **kw)


def _adapter(sheet: Any):
    api = sheet.api
    try:
        api.ProtectContents  # noqa: B018 — COM exposes it; appscript raises AttributeError
        return _Com(api)
    except AttributeError:
        return _AppleScript(api)


@contextmanager
def unprotected(sheet: Any, lang: str = "fr") -> Iterator[None]:
    """Lift the sheet's protection for the writes inside the block, then restore it exactly (even on error).

    A sheet that is not protected is left as it is. A password-protected sheet raises a
    ``WorkbookError`` before anything is written.
    """
    adapter = _adapter(sheet)
    if not adapter.is_protected():
        yield
        return
    state = adapter.state()
    try:
        adapter.unprotect()
    except Exception as exc:  # noqa: BLE001 — COM/appscript errors have no common type; a wrong password is the cause
        if adapter.is_protected():
            raise WorkbookError(say("ribbon.sheet_password", lang, sheet=sheet.name)) from exc
        raise
    try:
        yield
    finally:
        adapter.protect(state)


def check_not_merged(sheet: Any, address: str, lang: str = "fr") -> None:
    """Raise a ``WorkbookError`` when ``address`` touches a merged area (Excel's error 1004 on write).

    xlwings' ``Range.merge_cells`` is COM's ``MergeCells``: True when every cell is merged,
    None when some are, False when none is.
    """
    if sheet.range(address).merge_cells is not False:
        raise WorkbookError(say("ribbon.cells_merged", lang, sheet=sheet.name, address=address))
