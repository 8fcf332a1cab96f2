"""Errors the user must fix, and only those: each says what, where and how to fix it.

An incoherent plan is not an error (it yields findings); a bug is a built-in
exception. Front ends (CLI, Excel) turn a ``PlanError`` into a message and an exit
code or a message box, never a traceback.
"""
from __future__ import annotations

from .messages import Msg, say


class PlanError(Exception):
    """Root of everything the user can fix. ``str()`` is the full message.

    Built from a ``messages.Msg``, the message is said in the language the front end
    speaks when it shows it (the workbook's, or --lang, or the machine's locale).
    """

    exit_code = 2

    def __init__(self, message: str | Msg = ""):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


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
        super().__init__()

    def __str__(self) -> str:
        if len(self.problems) == 1:
            sheet, cell, text = self.problems[0]
            return f"{sheet}!{cell}: {text}"
        shown = self.problems[:25]
        lines = [say("cells.many", n=len(self.problems))] + [f"- {sheet}!{cell}: {text}" for sheet, cell, text in shown]
        if len(self.problems) > len(shown):
            lines.append(say("cells.more", n=len(self.problems) - len(shown)))
        return "\n".join(lines)


class PlanDataError(PlanError):
    """A JSON plan that does not follow the published schema."""


class TemplateError(PlanError):
    """A PowerPoint template the deck cannot use."""


class SourceError(PlanError):
    """An export file that cannot be imported as it is (unknown columns, values that do not parse…)."""
