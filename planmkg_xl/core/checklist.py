"""Ticking the Accueil checklist of input data when an export is imported (seed slide 9).

``planmkg import`` proves that a kind of data exists: a deals export is the sales
analysis, an invoices export is the customer base with its recency, frequency and
value. ``IMPORT_CHECKLIST`` (model.home_tabs) says which rows each import kind ticks;
``checklist_ticks`` turns one import into the cell changes on table ``input_data``:
"available" set to yes, the file name added to "source", the date of the import.

Rows are found by their category and item labels in either language (ignoring case,
accents and punctuation), so a workbook in English or a row the user moved still
matches; a row the user deleted or renamed is added again at the end of the table.
Nothing is lost: a file name already listed is kept and the new one appended; a
"no" the user typed is reported as the old value of the change, so the caller's
conflict rule (keep unless ``--replace``) applies to it.

Pure: no file, no workbook; the import (``sources``) and the Excel front end apply the
changes through their own writers.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model.home_tabs import CATEGORIES, CHECKLIST_ITEMS, IMPORT_CHECKLIST, TABLE_CHECKLIST
from ..model.plan import is_blank_row

TABLE = "input_data"
_ITEMS = {item_id: (cat, text) for item_id, cat, text in CHECKLIST_ITEMS}


@dataclass(frozen=True)
class Tick:
    """One cell of table ``input_data`` to write: ``row`` is its 0-based index (blank rows included);
    a row index past the table's end means "add this row"."""

    row: int
    field: str
    old: object
    new: object

    @property
    def table(self) -> str:
        return TABLE


def import_kinds() -> tuple[str, ...]:
    return tuple(IMPORT_CHECKLIST)


def checklist_ticks(rows: Sequence[Mapping[str, object]], kind: str, source: str, on: dt.date | None = None,
                    lang: str = "fr", tables: Sequence[str] = ()) -> list[Tick]:
    """The changes that tick, for an import of ``kind`` from file ``source``, the checklist rows it proves.

    ``rows`` are the table's current rows (as the plan holds them, blank rows included); ``tables`` the tables the
    import fills, which may prove more (``TABLE_CHECKLIST``: invoices that fill Canaux prove the distribution analysis).
    Raises KeyError for an unknown kind (the import's kinds are fixed).
    """
    item_ids = tuple(dict.fromkeys(IMPORT_CHECKLIST[kind] + tuple(i for t in tables for i in TABLE_CHECKLIST.get(t, ()))))
    out: list[Tick] = []
    next_new = len(rows)
    for item_id in item_ids:
        category, item = _ITEMS[item_id]
        index = find_row(rows, item_id)
        current: Mapping[str, object] = rows[index] if index is not None else {}
        if index is None:
            index = next_new
            next_new += 1
            out.append(Tick(index, "category", None, CATEGORIES[category](lang)))
            out.append(Tick(index, "item", None, item(lang)))
        if current.get("available") != "yes":
            out.append(Tick(index, "available", current.get("available"), "yes"))
        sources = _split(current.get("source"))
        if _key(source) not in {_key(s) for s in sources}:
            out.append(Tick(index, "source", current.get("source"), "; ".join(sources + [source])))
        if on is not None and current.get("updated") != on:
            out.append(Tick(index, "updated", current.get("updated"), on))
    return out


def aggregate_rows(kind: str, source: str, on: dt.date | None = None, lang: str = "fr") -> tuple[dict, ...]:
    """The same ticks as rows keyed by category and item (with both languages as ``_aliases_``), for an
    import that matches rows by label itself. The source is the file name alone (no merge with older ones)."""
    out = []
    for item_id in IMPORT_CHECKLIST[kind]:
        category, item = _ITEMS[item_id]
        other = "en" if lang == "fr" else "fr"
        row = {"category": CATEGORIES[category](lang), "_aliases_category": (CATEGORIES[category](other),),
               "item": item(lang), "_aliases_item": (item(other),), "available": "yes", "source": source}
        if on is not None:
            row["updated"] = on
        out.append(row)
    return tuple(out)


def find_row(rows: Sequence[Mapping[str, object]], item_id: str) -> int | None:
    """The row of checklist item ``item_id``: same item label (and category, when the row has one) in either language."""
    category, item = _ITEMS[item_id]
    items = {_key(item.fr), _key(item.en)}
    categories = {_key(CATEGORIES[category].fr), _key(CATEGORIES[category].en)}
    for i, row in enumerate(rows):
        if is_blank_row(dict(row)) or _key(row.get("item")) not in items:
            continue
        if row.get("category") in (None, "") or _key(row.get("category")) in categories:
            return i
    return None


def _split(value: object) -> list[str]:
    if value is None or str(value).strip() == "":
        return []
    return [s.strip() for s in str(value).split(";") if s.strip()]


def _key(value: object) -> str:
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^0-9a-z]+", " ", text).strip()
