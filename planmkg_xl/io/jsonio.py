"""Plan <-> JSON, and the published JSON Schema, both derived from the declarations.

JSON holds inputs only (derived values are recomputed), choices by stable key, dates
in ISO 8601, so a plan is portable across languages and versions of the workbook.
"""
from __future__ import annotations

import copy
import datetime as dt
import json

from ..errors import PlanDataError
from ..messages import msg, os_msg, say
from ..model.fields import Field, Kind
from ..model.plan import Plan
from ..model.schema import LANGS, SCALARS, SCHEMA_VERSION, TABLES
from ..model.units import is_percent
from .sheets import MAX_TABLE_ROWS as MAX_ROWS  # one limit for plan files and workbooks (README, Limits)

SCHEMA_ID = f"https://github.com/planmkg/planmkg_xl/schema/plan-v{SCHEMA_VERSION}.json"


def plan_to_dict(plan: Plan) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "lang": plan.lang,
        "scalars": {k: _out(v) for k, v in sorted(plan.scalars.items())},
        "tables": {k: [{f: _out(v) for f, v in row.items()} for row in plan.tables.get(k, [])] for k in TABLES if k in plan.tables},
    }


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _out(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


MAX_JSON_BYTES = 20 * 1024 * 1024  # a plan is a few kB; this bounds memory before parsing
MAX_DEPTH = 20  # a plan nests 4 deep (tables > table > row > value)


def plan_from_json_file(path, source: str | None = None) -> Plan:
    """Read a plan file: its size and encoding are checked before anything is parsed."""
    from pathlib import Path

    path = Path(path)
    source = source or path.name
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise PlanDataError(msg("json.too_big_file", source=source, mb=size // (1024 * 1024), cap=MAX_JSON_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as exc:
        raise PlanDataError(msg("app.cannot_read", path=source, reason=os_msg(exc))) from exc
    return plan_from_json(decode_json_bytes(data, source), source)


def decode_json_bytes(data: bytes, source: str = "JSON") -> str:
    """UTF-8 text (a UTF-8 byte-order mark is accepted), or a clear refusal naming the encoding found."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data[:4096]):
        raise PlanDataError(msg("json.utf16", source=source))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if b"\x00" in data[:4096]:
            raise PlanDataError(msg("json.binary", source=source)) from exc
        raise PlanDataError(msg("json.not_utf8", source=source, byte=f"0x{data[exc.start]:02x}", offset=exc.start)) from exc


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII text with a NUL in every other byte (and nowhere else)."""
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return (odd > half * 0.4 and even < half * 0.05) or (even > half * 0.4 and odd < half * 0.05)


def _nesting(text: str) -> int:
    """The deepest bracket nesting outside strings: checked before json.loads can recurse that deep."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif ch in "]}":
            depth -= 1
    return deepest


def _big_int(text: str) -> object:
    """Integers beyond what a float holds become inf (refused with their path); never a 4 000-digit int."""
    return int(text) if len(text) <= 300 else float("inf") if not text.startswith("-") else float("-inf")


def plan_from_json(text: str, source: str = "JSON") -> Plan:
    if len(text) > MAX_JSON_BYTES:
        raise PlanDataError(msg("json.too_big", source=source, cap=MAX_JSON_BYTES // (1024 * 1024)))
    if _nesting(text) > MAX_DEPTH:
        raise PlanDataError(msg("json.deep", source=source, depth=MAX_DEPTH))
    try:
        data = json.loads(text, parse_int=_big_int, parse_constant=lambda name: float(name.replace("Infinity", "inf")))
    except json.JSONDecodeError as exc:
        raise PlanDataError(msg("json.invalid", source=source, line=exc.lineno, column=exc.colno)) from exc
    except (RecursionError, ValueError) as exc:
        raise PlanDataError(msg("json.not_plan", source=source, detail=type(exc).__name__)) from exc
    return plan_from_dict(data, source)


def plan_from_dict(data: object, source: str = "JSON") -> Plan:
    problems: list[str] = []
    if not isinstance(data, dict):
        raise PlanDataError(msg("json.top_level", source=source))
    for key in ("scalars", "tables"):
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise PlanDataError(msg("json.not_object", source=source, key=key, kind=type(data[key]).__name__))
    unknown = [k for k in data if k not in ("schema_version", "lang", "scalars", "tables", "$schema")]
    for key in unknown[:5]:
        problems.append(say("json.p_unknown_key", where=_path_text(key)))
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version in MIGRATIONS:
        data = migrate(data)
    elif version != SCHEMA_VERSION:
        problems.append(say("json.p_version", version=_show(version), current=SCHEMA_VERSION,
                            readable=", ".join(str(v) for v in sorted(MIGRATIONS))))
    lang = data.get("lang", "fr")
    if lang not in LANGS:
        problems.append(say("json.p_lang", langs=", ".join(LANGS), value=_show(lang)))
        lang = "fr"
    scalars = {}
    for key, value in (data.get("scalars") or {}).items():
        f = SCALARS.get(key)
        if f is None or f.derived:
            problems.append(say("json.p_unknown_input", where="scalars." + _path_text(key)))
            continue
        scalars[key] = _in(value, f, f"scalars.{key}", problems)
    tables = {}
    for key, rows in (data.get("tables") or {}).items():
        table = TABLES.get(key)
        if table is None or not isinstance(rows, list):
            problems.append(say("json.p_unknown_table", where="tables." + _path_text(key)) if table is None
                            else say("json.p_not_rows", where=f"tables.{key}"))
            continue
        if len(rows) > MAX_ROWS:
            raise PlanDataError(msg("json.too_many_rows", source=source, table=key, n=len(rows), cap=MAX_ROWS))
        inputs = {f.key: f for f in table.inputs}
        tables[key] = []
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                problems.append(say("json.p_not_object", where=f"tables.{key}[{i}]"))
                continue
            out = {}
            for fkey, value in row.items():
                if fkey not in inputs:
                    problems.append(say("json.p_unknown_field", where=f"tables.{key}[{i}].{_path_text(fkey)}"))
                    continue
                out[fkey] = _in(value, inputs[fkey], f"tables.{key}[{i}].{fkey}", problems)
            _row_units(table, out, f"tables.{key}[{i}]", problems)
            tables[key].append(out)
            if len(problems) > 200:
                break
    if problems:
        shown = "\n".join(f"- {p}" for p in problems[:25])
        more = "\n" + say("cells.more", n=len(problems) - 25) if len(problems) > 25 else ""
        raise PlanDataError(msg("json.schema", source=source, problems=shown + more))
    return Plan(lang, scalars, tables)


def _row_units(table, row: dict, where: str, problems: list[str]) -> None:
    """A % row of a mixed-unit table holds shares (0.45), as a rate column does."""
    if table.row_unit is None:
        return
    for key in table.row_unit.fields:
        value = row.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1 and is_percent(table, table.field(key), row):
            problems.append(say("json.p_percent_row", where=f"{where}.{key}", value=repr(value)))


# -- versions ---------------------------------------------------------------------------

def _v1_to_v2(data: dict) -> dict:
    """Version 1 -> 2 (issue 8, one source per number): typed values that are now formulas become overrides.

    - an objective's ``baseline`` -> ``baseline_typed`` (the baseline is now linked to the tabs);
    - ``company_revenue_prev`` -> ``company_revenue_prev_typed`` (now the Commercial tab's total);
    - a KPI's ``value_prev`` of 0 meant "take the tabs' value": it is dropped (a typed 0 now is a value);
    - a strategy metric row whose label is one of the template's rows gets that row's source metric and
      unit, so its typed N-1 becomes an override of the tabs' value.
    """
    out = copy.deepcopy(data)
    scalars = out.get("scalars")
    if isinstance(scalars, dict) and "company_revenue_prev" in scalars:
        scalars["company_revenue_prev_typed"] = scalars.pop("company_revenue_prev")
    tables = out.get("tables") if isinstance(out.get("tables"), dict) else {}
    for key in ("strategic_objectives", "marketing_objectives"):
        for row in _dict_rows(tables.get(key)):
            if "baseline" in row:
                row["baseline_typed"] = row.pop("baseline")
    for row in _dict_rows(tables.get("kpis")):
        if row.get("value_prev") == 0:
            del row["value_prev"]
    for key in ("leadgen_targets", "brand_metrics"):
        known = {}
        for template in TABLES[key].rows:
            for lang in LANGS:
                known[template["metric"](lang).casefold()] = {k: v for k, v in template.items() if k in ("source", "unit")}
        for row in _dict_rows(tables.get(key)):
            label = row.get("metric")
            if isinstance(label, str):
                for k, v in known.get(label.strip().casefold(), {}).items():
                    row.setdefault(k, v)
    out["schema_version"] = 2
    return out


MIGRATIONS = {1: _v1_to_v2}  # version -> the step to the next one


def migrate(data: dict) -> dict:
    """``data`` (a plan dict of any version this release reads) in the current schema version."""
    version = data.get("schema_version", SCHEMA_VERSION)
    while version in MIGRATIONS:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


def _dict_rows(rows: object) -> list[dict]:
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _path_text(key: object) -> str:
    """A JSON key as printable text: short, control characters shown as escapes."""
    return _show(key, quote=False)


def _show(value: object, quote: bool = True) -> str:
    text = repr(value) if quote else str(value)
    text = text.encode("unicode_escape", "backslashreplace").decode("ascii") if not text.isprintable() else text
    return text if len(text) <= 60 else text[:57] + "…"


def _in(value: object, f: Field, where: str, problems: list[str]) -> object:
    from .read import number_ok, text_problem

    if value is None:
        return None
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            key, kw = problem
            problems.append(say("json.p_long", where=where, **kw) if key == "long" else say("json.p_control", where=where, **kw))
            return None
    if f.kind == Kind.DATE:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            problems.append(say("json.p_date", where=where, value=_show(value)))
            return None
    if f.kind == Kind.CHOICE:
        if not any(c.key == value for c in f.choices):
            problems.append(say("json.p_choice", where=where, value=_show(value), choices=", ".join(c.key for c in f.choices)))
            return None
        return value
    if f.numeric:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(say("json.p_number", where=where, value=_show(value)))
            return None
        if not number_ok(value):
            problems.append(say("json.p_excel_number", where=where, value=_show(value)))
            return None
        if value < 0:
            problems.append(say("json.p_negative", where=where, value=_show(value)))
        if f.kind == Kind.RATE and value > 1:
            problems.append(say("json.p_share", where=where, value=_show(value)))
        return value
    if not isinstance(value, str):
        problems.append(say("json.p_text", where=where, value=_show(value)))
        return None
    return value


def _field_schema(f: Field) -> dict:
    desc = f.label("en") + (f" — {f.definition('en')}" if f.definition else "")
    if f.kind == Kind.DATE:
        return {"type": "string", "format": "date", "description": desc}
    if f.kind == Kind.CHOICE:
        return {"enum": [c.key for c in f.choices], "description": desc}
    if f.kind == Kind.YEAR:
        return {"type": "integer", "minimum": 1900, "maximum": 2200, "description": desc}
    if f.kind == Kind.COUNT:
        return {"type": "integer", "minimum": 0, "description": desc}
    if f.kind == Kind.RATE:
        return {"type": "number", "minimum": 0, "maximum": 1, "description": desc}
    if f.numeric:
        return {"type": "number", "minimum": 0, "description": desc}
    return {"type": "string", "description": desc}


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a plan file, generated from the declarations."""
    tables = {}
    for key, table in TABLES.items():
        tables[key] = {
            "type": "array", "description": table.title("en"),
            "items": {"type": "object", "additionalProperties": False,
                      "properties": {f.key: _field_schema(f) for f in table.inputs}},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "planmkg_xl marketing plan",
        "type": "object",
        "additionalProperties": False,
        "required": ["lang"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "lang": {"enum": list(LANGS)},
            "scalars": {"type": "object", "additionalProperties": False,
                        "properties": {k: _field_schema(f) for k, f in SCALARS.items() if not f.derived}},
            "tables": {"type": "object", "additionalProperties": False, "properties": tables},
        },
    }
