"""The Excel front end: what the "Plan Marketing" ribbon does, through xlwings.

Every button of the ribbon calls the one VBA Sub ``PlanMkgRibbon`` (ribbon/PlanMarketing.bas),
which runs ``import planmkg_xl.excel as x; x.on_ribbon('<control id>')`` through xlwings'
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
- the actions and the helpers they use (``read_book``, ``formula_runs``,
  ``recompute_book``, ``deck_folder``…): pure logic over a "Book-like" object.

A Book-like object is an ``xlwings.Book`` or a stand-in with the same small surface
(tests use one, see tests/fake_xlbook.py): ``book.sheets`` (iterable; ``sheet.name``,
``sheet.api.CodeName``, ``sheet.tables`` with ``.name``, ``.range.address`` and
``.header_row_range.value``, ``sheet.range(address)`` with ``.options(...).value``
and a readable/writable ``.formula``), ``book.names`` (``.name``, ``.refers_to``),
``book.fullname`` and ``book.name``.

Python stays warm between clicks on Windows when xlwings' "USE UDF SERVER" setting is on
(``planmkg excel setup`` sets it): this module therefore keeps no state between calls.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from . import __version__
from .errors import PlanError, WorkbookError

DOCS_URL = "https://github.com/planmkg/planmkg_xl/blob/main/docs/excel.md"

# Ribbon control id (ribbon/customUI.xml) -> action name.
ACTIONS: dict[str, str] = {
    "pmRecompute": "recompute",
    "pmCheck": "check",
    "pmDeckBuild": "deck_build",
    "pmDeckUpdate": "deck_update",
    "pmExport": "export",
    "pmHelp": "help",
}

_TITLE = {"fr": "Plan Marketing", "en": "Plan Marketing"}
_T = {
    "error": ("Erreur", "Error"),
    "bug": ("Erreur interne", "Internal error"),
    "unknown": ("Le bouton « {id} » est inconnu de planmkg {v} : le classeur et le module Python ne sont pas de la même version. "
                "Mettez planmkg_xl à jour, puis lancez `planmkg excel repair CLASSEUR.xlsm`.",
                "The button “{id}” is unknown to planmkg {v}: the workbook and the Python package are not the same version. "
                "Upgrade planmkg_xl, then run `planmkg excel repair WORKBOOK.xlsm`."),
    "bug_text": ("Erreur interne (un bogue de planmkg {v}) : {kind}: {msg}\nRien n'a été écrit. Relancez avec PLANMKG_DEBUG=1 "
                 "pour les détails et signalez-le.",
                 "Internal error (a bug in planmkg {v}): {kind}: {msg}\nNothing was written. Run again with PLANMKG_DEBUG=1 "
                 "for details and report it."),
    "checked": ("{n} cellules calculées vérifiées.", "{n} calculated cells checked."),
    "repaired": ("{n} cellule(s) calculée(s) réparée(s) :", "{n} calculated cell(s) repaired:"),
    "repair_line": ("  {sheet}!{cell} : contenait {was!r}, formule rétablie", "  {sheet}!{cell}: held {was!r}, formula restored"),
    "nothing": ("Rien à changer.", "Nothing to change."),
    "no_findings": ("Aucune incohérence trouvée.", "No incoherence found."),
    "findings": ("{n} constat(s) : {detail}.", "{n} finding(s): {detail}."),
    "more": ("… et {n} de plus (voir `planmkg check`).", "… and {n} more (see `planmkg check`)."),
    "wrote": ("Écrit : {path}", "Wrote {path}"),
    "deck_built": ("Présentation créée : {path}", "Deck written: {path}"),
    "deck_updated": ("Présentation mise à jour : {path}", "Deck updated: {path}"),
    "no_folder": ("Le dossier local de ce classeur OneDrive/SharePoint est introuvable ({url}).\n"
                  "Enregistrer dans Documents ({docs}) ?\n\nPour enregistrer à côté du classeur, indiquez le dossier "
                  "synchronisé dans xlwings.conf (ONEDRIVE_CONSUMER_WIN, ONEDRIVE_COMMERCIAL_WIN ou SHAREPOINT_WIN ; voir docs/excel.md).",
                  "The local folder of this OneDrive/SharePoint workbook cannot be found ({url}).\n"
                  "Save in Documents ({docs}) instead?\n\nTo save next to the workbook, give the synced folder "
                  "in xlwings.conf (ONEDRIVE_CONSUMER_WIN, ONEDRIVE_COMMERCIAL_WIN or SHAREPOINT_WIN; see docs/excel.md)."),
    "cancelled": ("Annulé : rien n'a été écrit.", "Cancelled: nothing was written."),
    "locked": ("{path} est ouvert dans un autre programme (PowerPoint ?). Fermez-le, puis recommencez.",
               "{path} is open in another program (PowerPoint?). Close it, then try again."),
    "help": ("Boutons de l'onglet Plan Marketing :\n"
             "• Recalculer : rétablit les formules des cellules calculées (les saisies ne sont jamais modifiées).\n"
             "• Vérifier la cohérence : entonnoir, budget, objectifs…\n"
             "• Générer / Mettre à jour la présentation : un .pptx à côté du classeur.\n"
             "• Exporter (JSON) : le plan en JSON à côté du classeur.\n\n"
             "Mêmes commandes en ligne : planmkg recompute | check | deck | export.\nGuide : {url}",
             "Buttons of the Plan Marketing tab:\n"
             "• Recompute: restores the formulas of calculated cells (inputs are never changed).\n"
             "• Check: funnel, budget, objectives…\n"
             "• Build / Update deck: a .pptx next to the workbook.\n"
             "• Export: the plan as JSON next to the workbook.\n\n"
             "Same commands on the command line: planmkg recompute | check | deck | export.\nGuide: {url}"),
}
MAX_FINDINGS_SHOWN = 8
_EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
                           "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#PYTHON!"})


def _t(lang: str, key: str, **kw) -> str:
    fr, en = _T[key]
    return (fr if lang == "fr" else en).format(**kw)


# ---------------------------------------------------------------------------
# xlwings-touching entry points (thin)
# ---------------------------------------------------------------------------

def on_ribbon(control_id: str) -> None:
    """Called by the ribbon's VBA through RunPython with the clicked button's id."""
    import xlwings as xw

    book = xw.Book.caller()
    run_action(control_id, book, XlwingsUI(book))


class XlwingsUI:
    """Message boxes, status bar and "open this file" in the real Excel (not unit-tested: needs Excel)."""

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

    def open_url(self, url: str) -> None:
        import webbrowser

        webbrowser.open(url)

    def calculate(self) -> None:
        self.book.app.calculate()


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
    return f"{_TITLE[lang]} — {_t(lang, 'bug')}", _t(lang, "bug_text", v=__version__, kind=type(exc).__name__, msg=exc)


def run_action(control_id: str, book: Any, ui: Any) -> Outcome | None:
    """Run the action of ``control_id`` on ``book``; every outcome and every error ends in a message box."""
    lang = book_lang(book)
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


# ---------------------------------------------------------------------------
# Reading the open Book into Layout + Plan (pure, mirrors io.sheets / io.read)
# ---------------------------------------------------------------------------

def sheet_codename(sheet: Any) -> str | None:
    """A sheet's VBA code name: ``api.CodeName`` on Windows (COM), ``api.code_name.get()`` on Mac (appscript)."""
    api = getattr(sheet, "api", None)
    for get in (lambda: api.CodeName, lambda: api.code_name.get()):
        try:
            value = get()
        except Exception:  # noqa: BLE001 — COM/appscript raise their own types when the property is absent
            continue
        if isinstance(value, str) and value:
            return value
    return None


def book_names(book: Any) -> dict[str, str]:
    """Workbook-level defined names -> what they refer to, without the leading '=' (sheet-level names skipped)."""
    out = {}
    for name in book.names:
        key = name.name
        if "!" in key:
            continue
        out[key] = (name.refers_to or "").lstrip("=")
    return out


def book_lang(book: Any) -> str:
    """The workbook's language (its ``planmkg_lang`` name), "fr" when unknown; never raises."""
    from .io.sheets import LANG_NAME

    try:
        lang = book_names(book).get(LANG_NAME, '"fr"').strip('"')
    except Exception:  # noqa: BLE001 — only used to choose the language of an error box
        return "fr"
    return lang if lang in ("fr", "en") else "fr"


def _row_values(value: Any) -> list:
    """xlwings gives a scalar for one cell, a list for one row/column: always a flat list here."""
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def book_layout(book: Any):
    """The ``Layout`` of an open Book, by the same rules (and messages) as the file reader."""
    from .io.sheets import layout_from

    codenames, tables = {}, {}
    for s in book.sheets:
        codenames[s.name] = sheet_codename(s)
        for t in s.tables:
            tables[t.name] = (s.name, t.range.address.replace("$", ""), _row_values(t.header_row_range.value))
    return layout_from(codenames, tables, book_names(book))


def raw_value(value: Any) -> Any:
    """An xlwings cell value -> what the file reader sees for the same cell.

    xlwings gives every number as float and date-formatted cells as datetime; the file
    holds an int for a whole number and a serial number for a date. Error values (read
    with ``err_to_str``) become ``("#ERR", text)`` like ``io.sheets.cell_value``.
    """
    from .io.read import EXCEL_EPOCH

    if isinstance(value, dt.datetime):
        delta = value - EXCEL_EPOCH
        value = delta.days + delta.seconds / 86400
    elif isinstance(value, dt.date):
        value = (dt.datetime(value.year, value.month, value.day) - EXCEL_EPOCH).days
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value in _EXCEL_ERRORS:
        return ("#ERR", value)
    return value


def _read_block(sheet: Any, top: int, left: int, bottom: int, right: int) -> list[list]:
    from .core.layout import cell_ref

    value = sheet.range(f"{cell_ref(top, left)}:{cell_ref(bottom, right)}").options(ndim=2, err_to_str=True).value
    return [list(row) for row in value]


@dataclass
class BookData:
    """What an open Book says: the plan with every table row (blank ones too), and where it all is."""

    plan: Any
    layout: Any

    def sheet_rows(self) -> dict[str, list[int]]:
        """For each table, the sheet row of each row of ``compact_plan`` (as ``WorkbookData.sheet_rows``)."""
        from .model.plan import is_blank_row

        return {k: [self.layout.tables[k].first_row + i for i, r in enumerate(rows) if not is_blank_row(r)]
                for k, rows in self.plan.tables.items()}

    def compact_plan(self):
        from .model.plan import Plan, is_blank_row

        tables = {k: [r for r in rows if not is_blank_row(r)] for k, rows in self.plan.tables.items()}
        return Plan(self.plan.lang, dict(self.plan.scalars), tables)


def read_book(book: Any) -> BookData:
    """The open Book -> the same ``Plan`` and ``Layout`` as ``app.load(path)`` gives for the saved file.

    One read per table (its data body) and one per sheet holding scalars; every value
    goes through ``io.read.convert``, and all problems are raised together.
    """
    from .core.layout import cell_ref
    from .errors import CellValueError
    from .io.read import _Problems, convert
    from .model.plan import Plan
    from .model.schema import SCALARS

    layout = book_layout(book)
    lang = layout.lang
    sheets = {s.name: s for s in book.sheets}
    problems = _Problems()
    plan = Plan(lang=lang)

    def conv(sheet: str, row: int, col: int, f, value):
        ref = cell_ref(row, col)
        return convert(raw_value(value), f, lang, lambda key, **kw: problems.add(sheet, ref, lang, key, **kw))

    for key, geom in layout.tables.items():
        rows = []
        if geom.n_rows:
            block = _read_block(sheets[geom.sheet_title], geom.first_row, geom.first_col, geom.last_row, geom.last_col)
            for i, r in enumerate(range(geom.first_row, geom.last_row + 1)):
                row = {}
                for f in geom.table.inputs:
                    c = geom.cols[f.key]
                    v = conv(geom.sheet_title, r, c, f, block[i][c - geom.first_col])
                    if v is not None:
                        row[f.key] = v
                rows.append(row)
        plan.tables[key] = rows
    # Scalars: one read per sheet (the bounding box of its input scalars), then converted in
    # declaration order, so problems come in the file reader's order.
    by_sheet: dict[str, list[tuple[int, int]]] = {}
    for key, (title, row, col) in layout.scalars.items():
        if not SCALARS[key].derived:
            by_sheet.setdefault(title, []).append((row, col))
    values: dict[tuple[str, int, int], object] = {}
    for title, cells in by_sheet.items():
        if title not in sheets:
            raise WorkbookError(f"Named cells point at a sheet « {title} » that does not exist. Fix them in Formulas > Name Manager.")
        top, bottom = min(r for r, _ in cells), max(r for r, _ in cells)
        left, right = min(c for _, c in cells), max(c for _, c in cells)
        block = _read_block(sheets[title], top, left, bottom, right)
        for row, col in cells:
            values[title, row, col] = block[row - top][col - left]
    for key, (title, row, col) in layout.scalars.items():
        if not SCALARS[key].derived:
            v = conv(title, row, col, SCALARS[key], values[title, row, col])
            if v is not None:
                plan.scalars[key] = v
    if problems:
        raise CellValueError(list(problems))
    return BookData(plan, layout)


# ---------------------------------------------------------------------------
# Writing formulas into derived cells only (pure)
# ---------------------------------------------------------------------------

def input_cells(layout) -> set[tuple[str, str]]:
    """Every input cell of the plan (table input columns, input scalars): never written by recompute."""
    from .core.layout import cell_ref
    from .model.schema import SCALARS

    out = set()
    for geom in layout.tables.values():
        for f in geom.table.inputs:
            for row in range(geom.first_row, geom.last_row + 1):
                out.add((geom.sheet_title, cell_ref(row, geom.cols[f.key])))
    for key, (title, row, col) in layout.scalars.items():
        if not SCALARS[key].derived:
            out.add((title, cell_ref(row, col)))
    return out


def formula_runs(cells: Iterable[tuple[str, str]]) -> list[tuple[str, int, int, int]]:
    """Group cells into vertical runs: (sheet, column, first row, last row), in sheet/column/row order.

    One COM call per run instead of one per cell; a run never covers a cell that is not in ``cells``.
    """
    from .io.sheets import split_ref

    by_col: dict[tuple[str, int], list[int]] = {}
    for sheet, ref in cells:
        row, col = split_ref(ref)
        by_col.setdefault((sheet, col), []).append(row)
    runs = []
    for (sheet, col), rows in sorted(by_col.items()):
        rows.sort()
        start = prev = rows[0]
        for row in rows[1:]:
            if row != prev + 1:
                runs.append((sheet, col, start, prev))
                start = row
            prev = row
        runs.append((sheet, col, start, prev))
    return runs


def _run_address(col: int, top: int, bottom: int) -> str:
    from .core.layout import cell_ref

    return cell_ref(top, col) if top == bottom else f"{cell_ref(top, col)}:{cell_ref(bottom, col)}"


def _column_of(value: Any, n: int) -> list:
    """An xlwings ``.formula`` of a one-column range -> its n cells (a str for one cell, rows of 1 otherwise)."""
    if n == 1 and not isinstance(value, (list, tuple)):
        return [value]
    out = []
    for row in value:
        out.append(row[0] if isinstance(row, (list, tuple)) else row)
    return out


def same_formula(expected: str, actual: Any) -> bool:
    """Whether a cell's ``.formula`` (as Excel gives it back) is the expected "=…" formula.

    The file path's rule (``io.write.same_formula``: equal up to Excel's quoting of sheet
    names), applied to the text Excel returns, so both paths report the same repairs.
    """
    from .io.write import same_formula as saved_is

    return isinstance(actual, str) and actual.startswith("=") and saved_is(actual[1:], expected[1:])


@dataclass
class BookRecompute:
    """What recompute did in the open Book: derived cells checked, cells repaired, cells written."""

    derived_cells: int
    repairs: list = field(default_factory=list)
    written: list[tuple[str, str]] = field(default_factory=list)


def recompute_book(book: Any, layout=None) -> BookRecompute:
    """Give every derived cell of the open Book its formula; input cells are never written.

    Reads the current formulas in vertical runs, writes only the cells that differ (in
    runs of contiguous differing cells) and reports, like ``app.recompute``, the cells
    that held another formula or a value.
    """
    from .core.layout import cell_ref, formulas
    from .io.write import Repair

    if layout is None:
        layout = read_book(book).layout  # also validates the inputs, as the CLI does
    expected = formulas(layout)
    protected = input_cells(layout)
    overlap = protected & set(expected)
    if overlap:  # a layout bug, never a user error
        raise ValueError(f"derived cells overlap input cells: {sorted(overlap)[:5]}")
    sheets = {s.name: s for s in book.sheets}
    report = BookRecompute(len(expected))
    to_write: dict[tuple[str, str], str] = {}
    for sheet, col, top, bottom in formula_runs(expected):
        current = _column_of(sheets[sheet].range(_run_address(col, top, bottom)).formula, bottom - top + 1)
        for row, was in zip(range(top, bottom + 1), current):
            ref = cell_ref(row, col)
            formula = expected[(sheet, ref)]
            if same_formula(formula, was):
                continue
            to_write[(sheet, ref)] = formula
            # As the file path: another formula, a value, or "" when the formula was deleted.
            report.repairs.append(Repair(sheet, ref, "" if was is None else str(was)))
    for sheet, col, top, bottom in formula_runs(to_write):
        cells = [(sheet, cell_ref(r, col)) for r in range(top, bottom + 1)]
        if any(c in protected for c in cells):  # belt and braces: never an input cell
            raise ValueError(f"refusing to write input cells {cells}")
        values = [to_write[c] for c in cells]
        sheets[sheet].range(_run_address(col, top, bottom)).formula = values[0] if len(values) == 1 else [[v] for v in values]
        report.written.extend(cells)
    report.repairs.sort(key=lambda r: (list(sheets).index(r.sheet) if r.sheet in sheets else 0, _ref_key(r.cell)))
    return report


def _ref_key(ref: str) -> tuple[int, int]:
    from .io.sheets import split_ref

    return split_ref(ref)


def recompute_message(report: BookRecompute, lang: str) -> str:
    """The CLI's `planmkg recompute` lines, in the workbook's language."""
    lines = [_t(lang, "checked", n=report.derived_cells)]
    if report.repairs:
        lines.append(_t(lang, "repaired", n=len(report.repairs)))
        lines += [_t(lang, "repair_line", sheet=r.sheet, cell=r.cell, was=r.was) for r in report.repairs[:20]]
        if len(report.repairs) > 20:
            lines.append(f"  … +{len(report.repairs) - 20}")
    elif not report.written:
        lines.append(_t(lang, "nothing"))
    return "\n".join(lines)


def findings_message(findings: list, lang: str, where: Callable[[Any], str | None] | None = None) -> str:
    """A short summary of the findings for a message box: counts by severity, then the first ones with their cells."""
    if not findings:
        return _t(lang, "no_findings")
    counts: dict[str, int] = {}
    ordered = sorted(findings, key=lambda f: -int(f.severity))
    for f in ordered:
        label = f.severity.label(lang) if hasattr(f.severity, "label") else str(f.severity)
        counts[label] = counts.get(label, 0) + 1
    detail = ", ".join(f"{n} {label.lower()}" for label, n in counts.items())
    lines = [_t(lang, "findings", n=len(findings), detail=detail), ""]
    for f in ordered[:MAX_FINDINGS_SHOWN]:
        label = f.severity.label(lang) if hasattr(f.severity, "label") else str(f.severity)
        cells = [c for c in (where(ref) for ref in f.cells) if c] if where else []
        lines.append(f"[{label}] {f.rule_id} — {f.message}" + (f" ({', '.join(cells[:3])})" if cells else ""))
    if len(findings) > MAX_FINDINGS_SHOWN:
        lines.append(_t(lang, "more", n=len(findings) - MAX_FINDINGS_SHOWN))
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Where to write next to the workbook (OneDrive / SharePoint aware, pure)
# ---------------------------------------------------------------------------

_ONEDRIVE_PERSONAL = re.compile(r"^https://d\.docs\.live\.net/[^/]+/(.+)$", re.IGNORECASE)
_ONEDRIVE_BUSINESS = re.compile(r"^https://[^/]+-my\.sharepoint\.[^/]+/personal/[^/]+/Documents/(.+)$", re.IGNORECASE)
_SHAREPOINT = re.compile(r"^https?://[^/]+/sites/([^/]+)/([^/]+)/(.+)$", re.IGNORECASE)


def local_path_of(fullname: str, env: Mapping[str, str] | None = None, home: Path | None = None,
                  exists: Callable[[Path], bool] = Path.is_file) -> Path | None:
    """The local file of a workbook whose ``fullname`` may be a OneDrive/SharePoint URL; None if not found.

    The heuristics xlwings documents (utils.fullname_url_to_local_path), without the
    registry: the OneDrive environment variables, the default sync folders on Windows
    and Mac, and the "<site> - Documents" folder of a synced SharePoint library.
    """
    from urllib.parse import unquote

    if "://" not in fullname:
        return Path(fullname)
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    candidates: list[Path] = []

    def roots(*names: str) -> list[Path]:
        return [Path(env[n]) for n in names if env.get(n)]

    m = _ONEDRIVE_PERSONAL.match(fullname)
    if m:
        rest = unquote(m.group(1))
        for root in roots("ONEDRIVE_CONSUMER_WIN", "ONEDRIVE_CONSUMER_MAC", "OneDriveConsumer", "OneDrive") + [
                home / "OneDrive", home / "Library" / "CloudStorage" / "OneDrive-Personal"]:
            candidates.append(root / rest)
    m = _ONEDRIVE_BUSINESS.match(fullname)
    if m:
        rest = unquote(m.group(1))
        business = roots("ONEDRIVE_COMMERCIAL_WIN", "ONEDRIVE_COMMERCIAL_MAC", "OneDriveCommercial", "OneDrive")
        cloud = home / "Library" / "CloudStorage"
        mac = sorted(cloud.glob("OneDrive-*")) if cloud.is_dir() else []
        for root in business + mac:
            candidates.append(root / rest)
    m = _SHAREPOINT.match(fullname)
    if m and not _ONEDRIVE_BUSINESS.match(fullname):
        site, rest = unquote(m.group(1)), unquote(m.group(3))
        tops = roots("SHAREPOINT_WIN", "SHAREPOINT_MAC")
        if env.get("OneDriveCommercial"):
            tops.append(Path(env["OneDriveCommercial"].replace("OneDrive - ", "")))
        for top in tops:
            candidates.append(top / f"{site} - Documents" / rest)
            candidates.append(top / f"{site} - {unquote(m.group(2))}" / rest)
    found = []
    for c in candidates:
        if c not in found and exists(c):
            found.append(c)
    return found[0] if len(found) == 1 else None


def documents_folder(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """The user's Documents folder (the OneDrive-redirected one on Windows when it exists), else home."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    for root in [Path(env[n]) / "Documents" for n in ("OneDriveCommercial", "OneDriveConsumer", "OneDrive") if env.get(n)] + [home / "Documents"]:
        if root.is_dir():
            return root
    return home


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
    from . import app
    from .core.compute import compute

    data = read_book(book)
    report = recompute_book(book, data.layout)
    if report.written and hasattr(ui, "calculate"):
        ui.calculate()
    findings = app.findings_for(compute(data.compact_plan()))
    write_controls_book(book, data, findings)
    return Outcome(recompute_message(report, data.layout.lang) + "\n" + _summary_line(findings, data.layout.lang))


def _summary_line(findings: list, lang: str) -> str:
    from .checks.report import summary

    return ("Contrôles : " if lang == "fr" else "Checks: ") + summary(findings, lang)


def controls_rows(findings: list, lang: str, places: list[list[tuple[str, str]]]) -> list[list[str]]:
    """The rows of the Contrôles sheet (severity, rule, message, up to MAX_LINKS cell links as HYPERLINK formulas),
    as ``io.controls.write_controls`` writes them into the file (there: real hyperlinks)."""
    from .core.layout import quote_sheet
    from .io.controls import CONTROLS_TEXT, MAX_LINKS

    if not findings:
        return [["", "", CONTROLS_TEXT[lang]["none"]] + [""] * MAX_LINKS]
    rows = []
    for f, place in zip(findings, places):
        links = []
        for title, ref in place[:MAX_LINKS]:
            target = f"#{quote_sheet(title)}!{ref}".replace('"', '""')
            links.append(f'=HYPERLINK("{target}","{title.replace(chr(34), chr(34) * 2)}!{ref}")')
        message = f.message if not f.message[:1] in "=+-@" else "'" + f.message
        rows.append([f.severity.label(lang), f.rule_id, message] + links + [""] * (MAX_LINKS - len(links)))
    return rows


def write_controls_book(book: Any, data: "BookData", findings: list) -> bool:
    """Fill the open Book's Contrôles sheet (found by code name) with one row per finding; False when it has none."""
    from .core.layout import col_letter
    from .io.controls import CONTROLS_HEADER_ROW, CONTROLS_TITLE, FLAGS_COL, MAX_LINKS, flags, locate
    from .model.schema import CHECKS_CODENAME

    sheet = next((s for s in book.sheets if sheet_codename(s) == CHECKS_CODENAME), None) or next(
        (s for s in book.sheets if s.name in CONTROLS_TITLE.values()), None)
    if sheet is None:
        return False
    layout, rows = data.layout, data.sheet_rows()
    places = [[p for p in (locate(ref, layout, rows) for ref in f.cells) if p] for f in findings]
    lines = controls_rows(findings, layout.lang, places)
    first = CONTROLS_HEADER_ROW + 1
    last_col = col_letter(3 + MAX_LINKS)
    used = sheet.used_range.last_cell.row
    # The flag list drives the highlight on every plan sheet (conditional format set by the builder).
    codename_of = {s.name: sheet_codename(s) for s in book.sheets}
    flagged = flags(findings, places, {t: c for t, c in codename_of.items() if c})
    flag_col = col_letter(FLAGS_COL)
    end = first + len(lines) - 1
    if used >= first and _shown(sheet, f"A{first}:{flag_col}{max(used, end, first + len(flagged) - 1)}") == _shown_rows(
            lines, flagged, 3 + MAX_LINKS, FLAGS_COL, max(used, end, first + len(flagged) - 1) - first + 1):
        return True  # already what it should show: no write, no "unsaved changes"
    if used >= first:
        sheet.range(f"A{first}:{last_col}{used}").clear_contents()
    sheet.range(f"A{first}:C{end}").value = [line[:3] for line in lines]
    if any(any(line[3:]) for line in lines):
        sheet.range(f"D{first}:{last_col}{end}").formula = [line[3:] for line in lines]
    if used >= first:
        sheet.range(f"{flag_col}{first}:{flag_col}{used}").clear_contents()
    if flagged:
        sheet.range(f"{flag_col}{first}:{flag_col}{first + len(flagged) - 1}").value = [[f] for f in flagged]
    return True


_LINK_TEXT = re.compile(r'^=HYPERLINK\(".*","(.*)"\)$')


def _shown_text(formula: object) -> str:
    """What a cell shows, whether it holds text or our HYPERLINK formula (the file path writes plain links)."""
    text = "" if formula is None else str(formula)
    m = _LINK_TEXT.match(text)
    return m.group(1).replace('""', '"') if m else text.lstrip("'")


def _shown(sheet: Any, address: str) -> list[list[str]]:
    rows = sheet.range(address).formula
    rows = [[rows]] if isinstance(rows, str) else rows
    return [[_shown_text(v) for v in row] for row in rows]


def _shown_rows(lines: list[list[str]], flagged: list[str], width: int, flag_col: int, n: int) -> list[list[str]]:
    """The Contrôles block as it should show: finding rows (width columns), blanks, flags in ``flag_col``."""
    out = []
    for i in range(n):
        row = [_shown_text(v) for v in lines[i]] if i < len(lines) else [""] * width
        row += [""] * (flag_col - 1 - len(row)) + [flagged[i] if i < len(flagged) else ""]
        out.append(row)
    return out


def _computed_and_findings(book: Any):
    from . import app
    from .core.compute import compute

    data = read_book(book)
    computed = compute(data.compact_plan())
    return data, computed, app.findings_for(computed)


def do_check(book: Any, ui: Any) -> Outcome:
    from .io.controls import locate

    data, _, findings = _computed_and_findings(book)
    findings = list(findings)
    write_controls_book(book, data, findings)
    layout, rows = data.layout, data.sheet_rows()

    def where(ref) -> str | None:
        place = locate(ref, layout, rows)
        return f"{place[0]}!{place[1]}" if place else None

    return Outcome(findings_message(findings, layout.lang, where))


def _deck(book: Any, ui: Any, update: bool) -> Outcome:
    from . import app
    from .errors import FileLockedError
    from .io.package import write_atomic

    data, computed, findings = _computed_and_findings(book)
    lang = data.layout.lang
    target = output_path(book, ".pptx", ui, lang)
    if target is None:
        return Outcome(_t(lang, "cancelled"))
    existing = update and target.is_file()
    update_for = getattr(app, "update_deck_for", None)
    if existing and update_for is not None:  # refresh the user's edited deck in place
        deck, _ = update_for(computed, findings, target.read_bytes(), lang=None)
    else:
        deck = app.deck_for(computed, findings, template=str(target) if existing else None, lang=None)
    template = existing
    try:
        write_atomic(target, deck)
    except PermissionError as exc:
        raise FileLockedError(_t(lang, "locked", path=target)) from exc
    return Outcome(_t(lang, "deck_updated" if template else "deck_built", path=target), open_path=target)


def do_deck_build(book: Any, ui: Any) -> Outcome:
    return _deck(book, ui, update=False)


def do_deck_update(book: Any, ui: Any) -> Outcome:
    return _deck(book, ui, update=True)


def do_export(book: Any, ui: Any) -> Outcome:
    from .io.jsonio import plan_to_json
    from .io.package import write_atomic

    data = read_book(book)
    lang = data.layout.lang
    target = output_path(book, ".json", ui, lang)
    if target is None:
        return Outcome(_t(lang, "cancelled"))
    write_atomic(target, plan_to_json(data.compact_plan()).encode("utf-8"))
    return Outcome(_t(lang, "wrote", path=target))


def do_help(book: Any, ui: Any) -> Outcome:
    return Outcome(_t(book_lang(book), "help", url=DOCS_URL), open_url=DOCS_URL)


_HANDLERS: dict[str, Callable[[Any, Any], Outcome]] = {
    "recompute": do_recompute,
    "check": do_check,
    "deck_build": do_deck_build,
    "deck_update": do_deck_update,
    "export": do_export,
    "help": do_help,
}


# ---------------------------------------------------------------------------
# `planmkg excel repair` (Windows): re-import the VBA sources through Excel itself
# ---------------------------------------------------------------------------

OFFICE_TYPELIB = "{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}"
_VBA_NOT_TRUSTED = -2146827284  # "Programmatic access to Visual Basic Project is not trusted"
TRUST_MESSAGE = ("Excel refuses access to the workbook's VBA project: turn on File > Options > Trust Center > "
                 "Trust Center Settings > Macro Settings > \"Trust access to the VBA project object model\", "
                 "then run `planmkg excel repair` again (you may turn it off afterwards).")


def vba_source_files(folder: Path) -> list[tuple[str, Path]]:
    """Write the VBA modules ``planmkg new`` embeds (xlwings' from the installed xlwings, ours from ribbon/)
    as .bas/.cls files Excel can import (code page 1252, CRLF). Returns (module name, file)."""
    from .io import macro, ovba

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

    from .io.package import check_not_locked

    platform = platform or sys.platform
    path = Path(path)
    if not platform.startswith("win"):
        raise PlanError("`planmkg excel repair` needs Excel for Windows (it asks Excel itself to re-import the VBA). "
                        "On this system, rebuild the workbook instead: `planmkg export BOOK.xlsm --json plan.json` "
                        "then `planmkg new --from plan.json NEW.xlsm`.")
    if path.suffix.lower() != ".xlsm" or not path.is_file():
        raise PlanError(f"{path}: not an .xlsm workbook. Give the path of the plan workbook, e.g. Plan_Marketing.xlsm.")
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
                done.append(f"re-imported {name}")
            guids = {project.References.Item(i).GUID.upper() for i in range(1, project.References.Count + 1)}
            if OFFICE_TYPELIB not in guids:
                project.References.AddFromGuid(OFFICE_TYPELIB, 2, 0)
                done.append("added the Office type library reference (IRibbonControl)")
            book.save()
            book.close()
        finally:
            excel.quit()
    return done
