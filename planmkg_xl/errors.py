"""Errors the user must fix, and only those: each says what, where and how to fix it.

An incoherent plan is not an error (it yields findings); a bug is a built-in
exception. Front ends (CLI, Excel) turn a ``PlanError`` into a message and an exit
code or a message box, never a traceback.
"""
from __future__ import annotations


class PlanError(Exception):
    """Root of everything the user can fix. ``str()`` is the full message."""

    exit_code = 2


class WorkbookError(PlanError):
    """The file is not a plan workbook we can read (missing, corrupt, renamed sheet or table…)."""


class FileLockedError(WorkbookError):
    """Another program (Excel, OneDrive…) holds the file."""


class CellValueError(PlanError):
    """One or more cells hold values that cannot be what their column means.

    ``problems`` is a list of (sheet, cell, message) so a front end can show them all.
    """

    def __init__(self, problems: list[tuple[str, str, str]]):
        self.problems = problems
        shown = problems[:25]
        if len(problems) == 1:
            sheet, cell, msg = problems[0]
            super().__init__(f"{sheet}!{cell}: {msg}")
            return
        lines = [f"{len(problems)} cells to fix:"] + [f"- {sheet}!{cell}: {msg}" for sheet, cell, msg in shown]
        if len(problems) > len(shown):
            lines.append(f"- … {len(problems) - len(shown)} more")
        super().__init__("\n".join(lines))


class PlanDataError(PlanError):
    """A JSON plan that does not follow the published schema."""


class TemplateError(PlanError):
    """A PowerPoint template the deck cannot use."""


class SourceError(PlanError):
    """An export file that cannot be imported as it is (unknown columns, values that do not parse…)."""
