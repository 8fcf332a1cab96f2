"""The ribbon's « Importer… » and « Revue mensuelle », over any xlwings-like Book.

« Importer… » computes the same cell changes as `planmkg import` (``app.import_changes``:
exports read, matched with the plan's rows, conflicts kept unless replaced) and applies
them through the open Book: tables grown first (``ListObject.Resize``, which Excel
refuses on a protected sheet, hence ``excel.protection.unprotected``), then one write
per input cell. A text that starts with = + - @ is written with Excel's text prefix
(an apostrophe), so it stays text, as everywhere else. Derived cells are then
recomputed and the Contrôles sheet refreshed, as the Recompute button does.

« Revue mensuelle » reads the open Book, paces every KPI at the latest month reported
(``core.pacing``) and writes the review deck next to the workbook.

Never imports xlwings (``excel.ribbon`` does, alone).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from ..core.layout import cell_ref, col_letter
from ..errors import PlanError
from ..model.fields import Kind
from ..model.schema import SHEET_OF, TABLES
from .book import BookData
from .protection import check_not_merged, unprotected

TEXT_PREFIXES = ("=", "+", "-", "@")


def cell_input(table: str, field: str, value: object, lang: str) -> object:
    """A plan value as the open Book takes it: a choice by its label, a date as a datetime, text kept text."""
    f = TABLES[table].field(field)
    if f.kind == Kind.CHOICE and isinstance(value, str) and any(c.key == value for c in f.choices):
        return f.choice_label(value, lang)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str) and value.startswith(TEXT_PREFIXES + ("'",)):
        return "'" + value  # Excel's text prefix: not a formula, and the apostrophe is not part of the value
    return value


def _sheet_of(book: Any, title: str) -> Any:
    return next(s for s in book.sheets if s.name == title)


def _table_of(sheet: Any, name: str) -> Any:
    return next(t for t in sheet.tables if t.name.casefold() == name.casefold())


def apply_changes(book: Any, data: BookData, changes: Any) -> int:
    """Write an import's changes (``core.imports.Changes``: ``grow`` and ``writes``) into the open Book; the cells written."""
    layout, lang = data.layout, data.layout.lang
    for table, rows in sorted(getattr(changes, "grow", {}).items()):
        geom = layout.tables[table]
        if rows <= geom.n_rows:
            continue
        sheet = _sheet_of(book, geom.sheet_title)
        bottom = geom.header_row + rows
        first_new = geom.last_row + 1
        address = f"{col_letter(geom.first_col)}{geom.header_row}:{col_letter(geom.last_col)}{bottom}"
        # Push what sits below (the total row, the next block) down first, as Excel's ListRows.Add does: the table's
        # columns on a sheet of side-by-side blocks, whole rows on a stacked sheet (its blocks share the columns).
        span = ("A", "XFD") if SHEET_OF[table].stacked else (col_letter(geom.first_col), col_letter(geom.last_col))
        with unprotected(sheet, lang):
            sheet.range(f"{span[0]}{first_new}:{span[1]}{bottom}").insert(shift="down")
            _table_of(sheet, geom.table.name).resize(sheet.range(address))
    written = 0
    by_sheet: dict[str, list[tuple[str, object]]] = {}
    for change in _writes(changes):
        geom = layout.tables[change.table]
        ref = cell_ref(geom.first_row + change.row, geom.cols[change.field])
        by_sheet.setdefault(geom.sheet_title, []).append((ref, cell_input(change.table, change.field, change.new, lang)))
    for title, cells in by_sheet.items():
        sheet = _sheet_of(book, title)
        for ref, _ in cells:
            check_not_merged(sheet, ref, lang)
        with unprotected(sheet, lang):  # input cells are unlocked, but a grown table's new rows may not be yet
            for ref, value in cells:
                sheet.range(ref).value = value
                written += 1
    return written


def _writes(changes: Any) -> Iterable[Any]:
    writes = getattr(changes, "writes", None)
    return writes if writes is not None else [c for c in changes.cells if getattr(c, "writes", True)]


def import_into_book(book: Any, files: list, app_module: Any, read_book, recompute_book, write_controls_book) -> tuple[Any, int, Any]:
    """Read the Book, compute the import's changes with ``app_module.import_changes``, apply them, recompute.

    Returns (the import preview, cells written, the recompute report). The functions are passed in so that
    this module stays free of the ribbon's own imports (and testable with the stand-in Book).
    """
    data = read_book(book)
    lang = data.layout.lang
    import_changes = getattr(app_module, "import_changes", None)
    if import_changes is None:
        raise PlanError("Cette version de planmkg ne sait pas encore importer : mettez planmkg_xl à jour." if lang == "fr" else
                        "This version of planmkg cannot import yet: upgrade planmkg_xl.")
    preview = import_changes(data.plan, files, lang=lang)
    written = apply_changes(book, data, preview.changes)
    report = recompute_book(book)
    fresh = read_book(book)
    from ..core.compute import compute

    write_controls_book(book, fresh, app_module.findings_for(compute(fresh.compact_plan())))
    return preview, written, report


def import_message(preview: Any, written: int, lang: str) -> str:
    """What the import did, in the workbook's language: files (with their notes: rows skipped, channels unknown…),
    cells written, conflicts kept, rows not found."""
    fr = lang == "fr"
    lines = []
    for f in getattr(preview, "files", []):
        name = getattr(getattr(f, "path", None), "name", str(getattr(f, "path", "")))
        lines.append(f"{name} : {f.kind}, {f.rows_used}/{f.rows_read} lignes utilisées" if fr else
                     f"{name}: {f.kind}, {f.rows_used}/{f.rows_read} rows used")
        lines += [f"  {note}" for note in getattr(f, "notes", [])]  # what was read, and what was skipped and why
    changes = preview.changes
    conflicts = list(getattr(changes, "conflicts", []))
    lines.append(f"{written} cellule(s) écrite(s)." if fr else f"{written} cell(s) written.")
    if conflicts:
        lines.append(f"{len(conflicts)} valeur(s) déjà saisie(s) et différente(s) conservée(s) ; `planmkg import --replace` les remplace."
                     if fr else f"{len(conflicts)} value(s) already typed and different kept; `planmkg import --replace` replaces them.")
    unmatched = list(getattr(changes, "unmatched", []))
    if unmatched:
        shown = ", ".join(str(u[1]) for u in unmatched[:5])
        lines.append(f"Sans ligne correspondante : {shown}" if fr else f"No matching row: {shown}")
    return "\n".join(lines)
