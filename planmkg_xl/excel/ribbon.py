"""The Excel front end: what the "Plan Marketing" ribbon does, through xlwings.

Every button of the ribbon calls the one VBA Sub ``PlanMkgRibbon`` (ribbon/PlanMarketing.bas),
which runs ``import planmkg_xl.excel.ribbon as x; x.on_ribbon('<control id>')`` through xlwings'
``RunPython``. The workbook is then OPEN in Excel, so nothing here rewrites the file:
the open Book is read through xlwings into the same ``Layout`` and ``Plan`` the file
reader (``io.sheets`` + ``io.read``) produces — sheets by VBA code name, tables by
ListObject name and header text, scalars by defined name, every cell value through
``io.read.convert`` — so a value the CLI rejects is rejected here with the same words.

Layers (only the first touches xlwings, and only inside functions):

- ``on_ribbon`` / ``repair_vba``: fetch the calling Book, wrap the Excel UI.
- ``run_action``: dispatch a control id to an action, turn a ``PlanError`` into a
  message box with the CLI's text (a bug into a short "internal error" box, never a
  traceback).
- the actions: pure logic over a "Book-like" object, read and repaired by
  ``planmkg_xl.excel.book``; files next to the workbook placed by ``planmkg_xl.excel.paths``.

Python stays warm between clicks on Windows when xlwings' "USE UDF SERVER" setting is on
(``planmkg excel setup`` sets it): this module therefore keeps no state between calls.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .. import __version__
from ..errors import PlanError
from ..messages import learn_lang, msg, os_error, reset_lang, say
from .book import BookRecompute, book_lang, calculate_if_manual, read_book, recompute_book, write_controls_book
from .paths import documents_folder, local_path_of

DOCS_URL = "https://github.com/planmkg/planmkg_xl/blob/main/docs/excel.md"

# Ribbon control id (ribbon/customUI.xml) -> action name.
ACTIONS: dict[str, str] = {
    "pmRecompute": "recompute",
    "pmCheck": "check",
    "pmDeckBuild": "deck_build",
    "pmDeckUpdate": "deck_update",
    "pmExport": "export",
    "pmImport": "import",
    "pmReview": "review",
    "pmHelp": "help",
}

_TITLE = {"fr": "Plan Marketing", "en": "Plan Marketing"}
MAX_FINDINGS_SHOWN = 8

def _t(lang: str, key: str, **kw) -> str:
    """A ribbon message (``messages.CATALOGUE["ribbon.<key>"]``)."""
    return say("ribbon." + key, lang, **kw)


# ---------------------------------------------------------------------------
# xlwings-touching entry points (thin)
# ---------------------------------------------------------------------------

def on_ribbon(control_id: str) -> None:
    """Called by the ribbon's VBA through RunPython with the clicked button's id."""
    import xlwings as xw

    book = xw.Book.caller()
    run_action(control_id, book, XlwingsUI(book))


class XlwingsUI:
    """Message boxes, status bar, "open this file" and the file dialog in the real Excel. The dialog is tested against
    the stand-in's model of Excel's ``GetOpenFilename`` (tests/fake_xlbook.py); the message boxes need Excel."""

    def __init__(self, book: Any):
        self.book = book

    def alert(self, text: str, title: str, error: bool = False) -> None:
        self.book.app.alert(text, title=title, buttons="ok", mode="critical" if error else "info")

    def confirm(self, text: str, title: str) -> bool:
        return self.book.app.alert(text, title=title, buttons="ok_cancel", mode="info") == "ok"

    def status(self, text: str | None) -> None:
        try:
            self.book.app.status_bar = text if text else False
        except AttributeError:  # an engine without a status bar: cosmetic only
            pass

    def open_path(self, path: Path) -> None:
        open_with_default_app(path)

    def pick_files(self, title: str) -> list[Path]:
        """Excel's own "open file" dialog (``excel.dialogs``: COM on Windows, AppleScript on the Mac), else Tk's;
        [] when cancelled."""
        from .dialogs import ask_files

        picked = ask_files(self.book.app.api, sys.platform, title)
        if picked is not None:
            return picked
        try:
            import tkinter
            from tkinter import filedialog
        except ImportError:
            raise PlanError(_t(book_lang(self.book), "no_dialog")) from None
        root = tkinter.Tk()
        root.withdraw()
        try:
            names = filedialog.askopenfilenames(title=title, filetypes=[("CSV / Excel", "*.csv *.txt *.xlsx *.xls")])
        finally:
            root.destroy()
        return [Path(n) for n in names]

    def open_url(self, url: str) -> None:
        import webbrowser

        webbrowser.open(url)


def open_with_default_app(path: Path) -> None:
    """Open a file the way a double-click would (PowerPoint for a .pptx)."""
    if sys.platform.startswith("win"):
        os.startfile(str(path))  # noqa: S606 — a file we just wrote
    else:
        import subprocess

        subprocess.Popen(["open" if sys.platform == "darwin" else "xdg-open", str(path)])  # noqa: S603


def book_fullname(book: Any) -> str:
    """``book.fullname``, or the raw OneDrive/SharePoint URL when xlwings cannot map it to a local file."""
    try:
        return book.fullname
    except Exception as exc:  # noqa: BLE001 — xlwings raises XlwingsError (or a COM error) for unmappable URLs
        if type(exc).__name__ not in ("XlwingsError", "com_error", "CommandError"):
            raise
        try:
            return book.api.FullName  # Windows COM: the URL itself
        except AttributeError:
            return book.name


# ---------------------------------------------------------------------------
# Dispatch and error-to-message mapping (pure)
# ---------------------------------------------------------------------------

@dataclass
class Outcome:
    """What an action tells the user, and what it opens when done."""

    message: str
    open_path: Path | None = None
    open_url: str | None = None


def action_for(control_id: str) -> Callable[[Any, Any], Outcome]:
    """The function run for a ribbon control id; ``KeyError`` for an unknown id."""
    return _HANDLERS[ACTIONS[control_id]]


def error_message(exc: BaseException, lang: str) -> tuple[str, str]:
    """(title, text) of the message box for an exception: a PlanError's own text, as the CLI prints it."""
    title = f"{_TITLE[lang]} — {_t(lang, 'error')}"
    if isinstance(exc, PlanError):
        return title, str(exc)
    if isinstance(exc, OSError):  # a file the system refused (read-only folder, full disk…): the user can act on it
        return title, os_error(exc, lang)
    return f"{_TITLE[lang]} — {_t(lang, 'bug')}", _t(lang, "bug_text", v=__version__, kind=type(exc).__name__, msg=exc)


def run_action(control_id: str, book: Any, ui: Any) -> Outcome | None:
    """Run the action of ``control_id`` on ``book``; every outcome and every error ends in a message box.

    Each click speaks the workbook's language from its first message (an error raised in the
    Python package says itself in it too).
    """
    lang = book_lang(book)
    reset_lang()
    learn_lang(lang)
    try:
        handler = action_for(control_id)
    except KeyError:
        ui.alert(_t(lang, "unknown", id=control_id, v=__version__), f"{_TITLE[lang]} — {_t(lang, 'error')}", error=True)
        return None
    ui.status(f"planmkg: {ACTIONS[control_id]}…")
    try:
        outcome = handler(book, ui)
    except PlanError as exc:
        title, text = error_message(exc, lang)
        ui.alert(text, title, error=True)
        return None
    except Exception as exc:  # noqa: BLE001 — last line of defence, as in the CLI: a box, never a traceback
        if os.environ.get("PLANMKG_DEBUG"):
            raise
        title, text = error_message(exc, lang)
        ui.alert(text, title, error=True)
        return None
    finally:
        ui.status(None)
    if outcome.message:
        ui.alert(outcome.message, _TITLE[lang])
    if outcome.open_path is not None:
        ui.open_path(outcome.open_path)
    if outcome.open_url is not None:
        ui.open_url(outcome.open_url)
    return outcome


def recompute_message(report: BookRecompute, lang: str) -> str:
    """The CLI's `planmkg recompute` lines, in the workbook's language."""
    lines = [_t(lang, "checked", n=report.derived_cells)]
    if report.repairs:
        lines.append(_t(lang, "repaired", n=len(report.repairs)))
        from ..io.repair_report import short  # never a whole formula in a message box (a total runs to kilobytes)

        lines += [_t(lang, "repair_line", sheet=r.sheet, cell=r.cell, was=short(r.was)) for r in report.repairs[:20]]
        if len(report.repairs) > 20:
            lines.append(f"  … +{len(report.repairs) - 20}")
    refused = getattr(report, "refused", [])
    if refused:
        from ..io.repair_report import reason

        lines.append(say("recompute.refused", lang, n=len(refused)))
        lines += [say("recompute.line_refused", lang, where=f"{r.sheet}!{r.cell}", reason=reason(lang, r.reason)) for r in refused[:5]]
    if not report.repairs and not refused and not report.written:
        lines.append(_t(lang, "nothing"))
    return "\n".join(lines)


def findings_message(findings: list, lang: str, where: Callable[[Any], str | None] | None = None) -> str:
    """A short summary of the findings for a message box: counts by severity, then the first ones with their cells."""
    from ..checks.report import verdict

    if not findings:
        return verdict(findings, lang)
    counts: dict[str, int] = {}
    ordered = sorted(findings, key=lambda f: -int(f.severity))
    for f in ordered:
        label = f.severity.label(lang) if hasattr(f.severity, "label") else str(f.severity)
        counts[label] = counts.get(label, 0) + 1
    detail = ", ".join(f"{n} {label.lower()}" for label, n in counts.items())
    lines = [_t(lang, "findings", n=len(findings), detail=detail), verdict(findings, lang), ""]
    for f in ordered[:MAX_FINDINGS_SHOWN]:
        label = f.severity.label(lang) if hasattr(f.severity, "label") else str(f.severity)
        cells = [c for c in (where(ref) for ref in f.cells) if c] if where else []
        lines.append(f"[{label}] {f.rule_id} — {f.message}" + (f" ({', '.join(cells[:3])})" if cells else ""))
    if len(findings) > MAX_FINDINGS_SHOWN:
        lines.append(_t(lang, "more", n=len(findings) - MAX_FINDINGS_SHOWN))
    return "\n".join(lines)



def output_path(book: Any, suffix: str, ui: Any, lang: str) -> Path | None:
    """Where a file made from the workbook goes: beside it, else (after asking) in Documents; None if cancelled."""
    fullname = book_fullname(book)
    local = local_path_of(fullname)
    stem = Path(book.name).stem
    if local is not None and local.parent != Path("") and local.parent.is_dir():
        return local.with_name(stem + suffix)
    docs = documents_folder()
    if not ui.confirm(_t(lang, "no_folder", url=fullname, docs=docs), _TITLE[lang]):
        return None
    return docs / (stem + suffix)


# ---------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------

def do_recompute(book: Any, ui: Any) -> Outcome:
    """Like `planmkg recompute`: derived formulas repaired, then the Contrôles sheet and its highlights refreshed."""
    from .. import app
    from ..core.compute import compute

    data = read_book(book)
    report = recompute_book(book, data.layout)
    findings = app.findings_for(compute(data.compact_plan()))
    write_controls_book(book, data, findings)
    calculate_if_manual(book)  # in manual mode, repaired cells and links would show stale values
    return Outcome(recompute_message(report, data.layout.lang) + "\n" + _summary_line(findings, data.layout.lang))


def _summary_line(findings: list, lang: str) -> str:
    from ..checks.report import verdict

    return _t(lang, "checks", verdict=verdict(findings, lang))


def _computed_and_findings(book: Any):
    from .. import app
    from ..core.compute import compute

    data = read_book(book)
    computed = compute(data.compact_plan())
    return data, computed, app.findings_for(computed)


def do_check(book: Any, ui: Any) -> Outcome:
    from ..io.controls import locate

    data, _, findings = _computed_and_findings(book)
    findings = list(findings)
    write_controls_book(book, data, findings)
    calculate_if_manual(book)
    layout, rows = data.layout, data.sheet_rows()

    def where(ref) -> str | None:
        place = locate(ref, layout, rows)
        return f"{place[0]}!{place[1]}" if place else None

    return Outcome(findings_message(findings, layout.lang, where))


def _deck(book: Any, ui: Any, update: bool) -> Outcome:
    from .. import app
    from ..core.compute import compute
    from ..errors import FileLockedError
    from ..io.package import write_atomic

    data = read_book(book)
    computed = compute(data.compact_plan())
    findings = None  # the committee deck leaves the findings to the Contrôles tab (no --with-checks): no rule runs for it
    lang = data.layout.lang
    target = output_path(book, ".pptx", ui, lang)
    if target is None:
        return Outcome(_t(lang, "cancelled"))
    existing = update and target.is_file()
    update_for = getattr(app, "update_deck_for", None)
    changes: list[str] = []
    if existing and update_for is not None:  # refresh the user's edited deck in place
        deck, changes = update_for(computed, findings, target.read_bytes(), lang=None)
    else:
        deck = app.deck_for(computed, findings, template=str(target) if existing else None, lang=None)
    template = existing
    try:
        write_atomic(target, deck)
    except PermissionError as exc:
        raise FileLockedError(_t(lang, "locked", path=target)) from exc
    message = _t(lang, "deck_updated" if template else "deck_built", path=target)

    rule = say("deck.deleted_rule", lang)
    if rule in changes:  # slides or shapes the user deleted stayed deleted: say so, and how to get them back
        message += "\n" + rule
    return Outcome(message, open_path=target)


def do_deck_build(book: Any, ui: Any) -> Outcome:
    return _deck(book, ui, update=False)


def do_deck_update(book: Any, ui: Any) -> Outcome:
    return _deck(book, ui, update=True)


def do_export(book: Any, ui: Any) -> Outcome:
    from ..io.jsonio import plan_to_json
    from ..io.package import write_atomic

    data = read_book(book)
    lang = data.layout.lang
    target = output_path(book, ".json", ui, lang)
    if target is None:
        return Outcome(_t(lang, "cancelled"))
    write_atomic(target, plan_to_json(data.compact_plan()).encode("utf-8"))
    return Outcome(_t(lang, "wrote", path=target))


def do_import(book: Any, ui: Any) -> Outcome:
    """« Importer… »: pick exports, apply `planmkg import`'s changes through the open Book, recompute, refresh the checks."""
    from .. import app
    from .book import recompute_book
    from .imports import import_into_book, import_message

    lang = book_lang(book)
    files = ui.pick_files(_t(lang, "pick"))
    if not files:
        return Outcome(_t(lang, "cancelled"))
    preview, written, _ = import_into_book(book, list(files), app, read_book, recompute_book, write_controls_book)
    calculate_if_manual(book)
    return Outcome(import_message(preview, written, lang))


def do_review(book: Any, ui: Any) -> Outcome:
    """« Revue mensuelle »: every KPI paced at the latest month reported, and the review deck next to the workbook."""
    from .. import app
    from ..checks.pacing import month_name
    from ..core import pacing
    from ..core.compute import compute
    from ..errors import FileLockedError
    from ..io.package import write_atomic

    data = read_book(book)
    lang = data.layout.lang
    computed = compute(data.compact_plan())
    review = pacing.review(computed)
    target = output_path(book, app.review_name("", review.month, lang), ui, lang)
    if target is None:
        return Outcome(_t(lang, "cancelled"))
    try:
        write_atomic(target, app.review_deck_for(computed, review, lang=lang))
    except PermissionError as exc:
        raise FileLockedError(_t(lang, "locked", path=target)) from exc
    return Outcome(_t(lang, "reviewed", month=month_name(lang, review.month), behind=review.count(pacing.BEHIND),
                      n=len(review.paces), path=target), open_path=target)


def do_help(book: Any, ui: Any) -> Outcome:
    return Outcome(_t(book_lang(book), "help", url=DOCS_URL), open_url=DOCS_URL)


_HANDLERS: dict[str, Callable[[Any, Any], Outcome]] = {
    "recompute": do_recompute,
    "check": do_check,
    "deck_build": do_deck_build,
    "deck_update": do_deck_update,
    "export": do_export,
    "import": do_import,
    "review": do_review,
    "help": do_help,
}


# ---------------------------------------------------------------------------
# `planmkg excel repair` (Windows): re-import the VBA sources through Excel itself
# ---------------------------------------------------------------------------

OFFICE_TYPELIB = "{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}"
_VBA_NOT_TRUSTED = -2146827284  # "Programmatic access to Visual Basic Project is not trusted"
TRUST_MESSAGE = msg("repair.trust")  # said when shown, in the user's language


def vba_source_files(folder: Path) -> list[tuple[str, Path]]:
    """Write the VBA modules ``planmkg new`` embeds (xlwings' from the installed xlwings, ours from ribbon/)
    as .bas/.cls files Excel can import (code page 1252, CRLF). Returns (module name, file)."""
    from ..io import macro, ovba

    standard, classes = macro.vba_modules()
    out = []
    for (name, source), ext in [(m, ".bas") for m in standard] + [(m, ".cls") for m in classes]:
        path = folder / f"{name}{ext}"
        text = source.replace("\r\n", "\n").replace("\n", "\r\n")
        path.write_bytes(text.encode(ovba.ENCODING))
        out.append((name, path))
    return out


def is_trust_error(exc: BaseException) -> bool:
    """True for the COM error Excel raises when "Trust access to the VBA project object model" is off."""
    codes = {a for a in getattr(exc, "args", ()) if isinstance(a, int)}
    for a in getattr(exc, "args", ()):
        if isinstance(a, tuple):
            codes |= {x for x in a if isinstance(x, int)}
    return _VBA_NOT_TRUSTED in codes or "not trusted" in str(exc).lower()


def repair_vba(path: Path, platform: str | None = None) -> list[str]:
    """Re-import the workbook's VBA modules through Excel (Windows only); returns what was done."""
    import tempfile

    from ..io.package import check_not_locked

    platform = platform or sys.platform
    path = Path(path)
    if not platform.startswith("win"):
        raise PlanError(msg("repair.windows_only"))
    if path.suffix.lower() != ".xlsm" or not path.is_file():
        raise PlanError(msg("repair.not_xlsm", path=path))
    check_not_locked(path)
    import xlwings as xw

    done: list[str] = []
    with tempfile.TemporaryDirectory(prefix="planmkg-vba-") as tmp:
        files = vba_source_files(Path(tmp))
        excel = xw.App(visible=False, add_book=False)
        try:
            excel.display_alerts = False
            book = excel.books.open(str(path.resolve()))
            try:
                project = book.api.VBProject
                components = project.VBComponents
            except Exception as exc:  # noqa: BLE001 — pywintypes.com_error, imported only on Windows
                if is_trust_error(exc):
                    raise PlanError(TRUST_MESSAGE) from exc
                raise
            existing = {components.Item(i).Name for i in range(1, components.Count + 1)}
            for name, file in files:
                if name in existing:
                    components.Remove(components.Item(name))
                components.Import(str(file))
                done.append(say("repair.reimported", name=name))
            guids = {project.References.Item(i).GUID.upper() for i in range(1, project.References.Count + 1)}
            if OFFICE_TYPELIB not in guids:
                project.References.AddFromGuid(OFFICE_TYPELIB, 2, 0)
                done.append(say("repair.typelib"))
            book.save()
            book.close()
        finally:
            excel.quit()
    return done
