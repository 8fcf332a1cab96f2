"""Find the plan's sheets, tables and named cells inside a workbook package.

Sheets are found by VBA code name (stable when the user renames a tab), tables by
their Excel name, scalars by defined name. The result is a ``Layout`` — the same
geometry the builder plans — so reading, repairing and checking all speak of the
same cells.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from ..core.layout import Layout, TableGeom
from ..errors import WorkbookError
from ..messages import learn_lang, msg, say
from ..model.schema import ADDED_LATER, SCALARS, SHEETS, TABLES
from .package import NS, NS_PKG_REL, NS_REL, Package

LANG_NAME = "planmkg_lang"
MAX_TABLE_ROWS = 5_000  # data rows per table (README "Limits"; bench/ builds 5 000): bounds time and memory
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@lru_cache(maxsize=1 << 16)
def split_ref(ref: str) -> tuple[int, int]:
    """'C12' -> (row 12, col 3). Cached: recompute asks for the same derived cells' positions several times."""
    m = _REF.match(ref)
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def rels_of(pkg: Package, part: str) -> dict[str, str]:
    """Relationship id -> absolute target part name."""
    folder, name = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", name + ".rels")
    if rels_part not in pkg.parts:
        return {}
    out = {}
    for rel in pkg.xml(rels_part).findall(f"{{{NS_PKG_REL}}}Relationship"):
        target = rel.get("Target")
        if rel.get("TargetMode") == "External" or not target or rel.get("Id") is None:
            continue  # no target: a damaged relationship points nowhere; the part it named is then "missing"
        out[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
    return out


@dataclass
class SheetPart:
    title: str
    part: str
    codename: str | None
    tables: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)  # name -> (part, ref, column names)


@dataclass
class WorkbookMap:
    """Everything located: sheet parts, the layout, the language, the shared strings."""

    sheets: dict[str, SheetPart]  # by title
    layout: Layout
    shared_strings: list[str]
    names: dict[str, str]


def locate(pkg: Package) -> WorkbookMap:
    wb = pkg.xml("xl/workbook.xml")
    rels = rels_of(pkg, "xl/workbook.xml")
    sheets: dict[str, SheetPart] = {}
    for s in wb.iterfind("m:sheets/m:sheet", NS):
        part = rels.get(s.get(f"{{{NS_REL}}}id"))
        if part is None or part not in pkg.parts:
            continue
        sheets[s.get("name")] = _sheet_part(pkg, s.get("name"), part)
    names = {d.get("name"): (d.text or "") for d in wb.iterfind("m:definedNames/m:definedName", NS) if d.get("localSheetId") is None}
    tables = {name: (sp.title, ref, cols) for sp in sheets.values() for name, (_, ref, cols) in sp.tables.items()}
    codenames = {sp.title: sp.codename for sp in sheets.values()}
    layout = layout_from(codenames, tables, names)
    return WorkbookMap(sheets, layout, _shared_strings(pkg), names)


def layout_from(codenames: dict[str, str | None], tables: dict[str, tuple[str, str, list]], names: dict[str, str]) -> Layout:
    """The plan's layout from what any workbook shows: sheet titles with their code names, tables
    (name -> (sheet title, ref, header texts)) and defined names. One set of rules and messages for the
    file reader and for the open workbook in Excel."""
    lang = names.get(LANG_NAME, '"fr"').strip('"')
    if lang not in ("fr", "en"):
        lang = "fr"
    learn_lang(lang)  # from here on, every message speaks the workbook's language
    layout = Layout(lang=lang)
    by_code = {code: title for title, code in codenames.items() if code}
    for sheet in SHEETS:
        title = by_code.get(sheet.codename) or next((t for t in (sheet.title("fr"), sheet.title("en")) if t in codenames), None)
        if title is None:
            raise WorkbookError(say("book.no_sheet", lang, sheet=sheet.title(lang)))
        layout.sheet_titles[sheet.key] = title
    for key, table in TABLES.items():
        found = tables.get(table.name) or _case_insensitive(tables, table.name)
        sheet_title = layout.sheet_titles[_sheet_key(key)]
        if found is None and table.optional:
            continue
        if found is None:
            raise WorkbookError(say("book.no_table", lang, sheet=sheet_title, table=table.name))
        title, ref, columns = found
        layout.tables[key] = _geometry(table, title, ref, [None if c is None else str(c) for c in columns], lang)
    for key, f in SCALARS.items():
        target = names.get(key)
        if not target and key in ADDED_LATER:
            continue
        if not target:
            raise WorkbookError(say("book.no_name", lang, key=key, label=f.label(lang)))
        sheet, row, col = _parse_name_target(target, key, lang)
        if sheet not in codenames:
            raise WorkbookError(say("book.name_sheet", lang, key=key, sheet=sheet[:40]))
        layout.scalars[key] = (sheet, row, col)
    return layout


def _sheet_key(table_key: str) -> str:
    from ..model.schema import SHEET_OF

    return SHEET_OF[table_key].key


def _case_insensitive(tables: dict, name: str):
    for other, value in tables.items():
        if other.casefold() == name.casefold():
            return value
    return None


def _sheet_part(pkg: Package, title: str, part: str) -> SheetPart:
    root = pkg.xml(part)
    pr = root.find("m:sheetPr", NS)
    sp = SheetPart(title, part, pr.get("codeName") if pr is not None else None)
    rels = rels_of(pkg, part)
    for tp in root.iterfind("m:tableParts/m:tablePart", NS):
        tpart = rels.get(tp.get(f"{{{NS_REL}}}id"))
        if tpart and tpart in pkg.parts:
            t = pkg.xml(tpart)
            cols = [c.get("name") for c in t.iterfind("m:tableColumns/m:tableColumn", NS)]
            sp.tables[t.get("displayName") or t.get("name")] = (tpart, t.get("ref"), cols)
    return sp


def _geometry(table, sheet_title: str, ref: str, columns: list[str], lang: str) -> TableGeom:
    start, _, end = (ref or "").replace("'", "").replace('"', "").strip().upper().partition(":")
    try:
        top, left = split_ref(start)
        bottom, _ = split_ref(end or start)
    except ValueError:
        raise WorkbookError(say("book.bad_range", lang, sheet=sheet_title, table=table.name, ref=repr(ref))) from None
    if bottom - top > MAX_TABLE_ROWS or top > bottom:
        raise WorkbookError(say("book.too_many_rows", lang, sheet=sheet_title, table=table.name, ref=ref, n=bottom - top,
                                cap=MAX_TABLE_ROWS))
    cols: dict[str, int] = {}
    for i, name in enumerate(columns):
        f = _field_for_header(table, name)
        if f is not None:
            cols.setdefault(f.key, left + i)
    missing = [f for f in table.fields if f.key not in cols]
    if missing:
        labels = ", ".join(f"« {f.label(lang)} »" for f in missing)
        raise WorkbookError(say("book.no_columns", lang, sheet=sheet_title, table=table.name, labels=labels))
    return TableGeom(table, sheet_title, top, left, max(0, bottom - top), cols)


def _field_for_header(table, name: str | None):
    if name is None:
        return None
    wanted = " ".join(name.split()).casefold()
    for f in table.fields:
        if wanted in (f.key.casefold(), " ".join(f.label.fr.split()).casefold(), " ".join(f.label.en.split()).casefold()):
            return f
    return None


def _parse_name_target(target: str, key: str, lang: str = "en") -> tuple[str, int, int]:
    sheet, _, cell = target.strip().lstrip("=").rpartition("!")
    bad = WorkbookError(say("book.name_not_cell", lang, key=key, target=repr(target[:80])))
    if not sheet or ":" in cell or "#REF" in target.upper() or sheet.startswith("["):
        raise bad
    if sheet.startswith("'") and sheet.endswith("'") and len(sheet) > 1:
        sheet = sheet[1:-1].replace("''", "'")
    try:
        row, col = split_ref(cell.strip().upper())
    except ValueError:
        raise bad from None
    return sheet, row, col


def _shared_strings(pkg: Package) -> list[str]:
    part = "xl/sharedStrings.xml"
    for target in rels_of(pkg, "xl/workbook.xml").values():
        if target.endswith("sharedStrings.xml"):
            part = target
    if part not in pkg.parts:
        return []
    root = pkg.xml(part)
    t_tag = f"{{{NS['m']}}}t"
    rph = f"{{{NS['m']}}}rPh"
    out = []
    for si in root.iterfind("m:si", NS):
        out.append("".join(t.text or "" for t in si.iter(t_tag) if t.getparent().tag != rph))
    return out


_V = f"{{{NS['m']}}}v"
_T = f"{{{NS['m']}}}t"


def _value_child(c: etree._Element) -> etree._Element | None:
    """``c.find(v)``: a cell holds at most <f>, <v>, <is>, <extLst>, in that order, so <v> is one of its first two
    children; looked at directly, which is several times faster than ``find`` (a large plan reads 60 000 cells)."""
    n = len(c)
    if n == 0:
        return None
    if n > 2:
        return c.find(_V)
    child = c[0]
    if child.tag == _V:
        return child
    if n == 2:
        child = c[1]
        if child.tag == _V:
            return child
    return None


def cell_value(c: etree._Element, shared: list[str]) -> object:
    """A cell's value as Excel last saved it: number, str, bool, or ('#ERR', text) for errors."""
    t = c.get("t", "n")
    if t == "inlineStr":
        return "".join(x.text or "" for x in c.iter(_T))
    v = _value_child(c)
    if v is None or v.text is None:
        return None
    text = v.text
    if t == "s":
        try:
            index = int(text)
        except ValueError:
            index = -1
        if not 0 <= index < len(shared):
            raise WorkbookError(msg("book.shared_text", cell=c.get("r"), index=text.strip()[:20]))
        return shared[index]
    if t in ("str",):
        return text
    if t == "b":
        return text == "1"
    if t == "e":
        return ("#ERR", text)
    try:
        return int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text
