"""Plan <-> JSON, and the published JSON Schema, both derived from the declarations.

JSON holds inputs only (derived values are recomputed), choices by stable key, dates
in ISO 8601, so a plan is portable across languages and versions of the workbook.
"""
from __future__ import annotations

import copy
import datetime as dt
import json

from ..errors import PlanDataError
from ..model.fields import Field, Kind
from ..model.plan import Plan
from ..model.schema import LANGS, SCALARS, SCHEMA_VERSION, TABLES
from ..model.units import is_percent

SCHEMA_ID = f"https://github.com/planmkg/planmkg_xl/schema/plan-v{SCHEMA_VERSION}.json"


def plan_to_dict(plan: Plan) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "lang": plan.lang,
        "scalars": {k: _out(v) for k, v in sorted(plan.scalars.items())},
        "tables": {k: [{f: _out(v) for f, v in row.items()} for row in plan.tables.get(k, [])] for k in TABLES if k in plan.tables},
    }


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"


def _out(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def plan_from_json(text: str, source: str = "JSON") -> Plan:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanDataError(f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from exc
    return plan_from_dict(data, source)


def plan_from_dict(data: object, source: str = "JSON") -> Plan:
    problems: list[str] = []
    if not isinstance(data, dict):
        raise PlanDataError(f"{source}: the top level must be an object with 'lang', 'scalars' and 'tables'.")
    version = data.get("schema_version", SCHEMA_VERSION)
    if version in MIGRATIONS:
        data = migrate(data)
    elif version != SCHEMA_VERSION:
        problems.append(f"schema_version {version!r} is not {SCHEMA_VERSION} (or an earlier version this release reads: "
                        f"{', '.join(str(v) for v in sorted(MIGRATIONS))})")
    lang = data.get("lang", "fr")
    if lang not in LANGS:
        problems.append(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
        lang = "fr"
    scalars = {}
    for key, value in (data.get("scalars") or {}).items():
        f = SCALARS.get(key)
        if f is None or f.derived:
            problems.append(f"scalars.{key}: unknown input (derived values are not stored)")
            continue
        scalars[key] = _in(value, f, f"scalars.{key}", problems)
    tables = {}
    for key, rows in (data.get("tables") or {}).items():
        table = TABLES.get(key)
        if table is None or not isinstance(rows, list):
            problems.append(f"tables.{key}: unknown table" if table is None else f"tables.{key}: must be a list of rows")
            continue
        inputs = {f.key: f for f in table.inputs}
        tables[key] = []
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                problems.append(f"tables.{key}[{i}]: must be an object")
                continue
            out = {}
            for fkey, value in row.items():
                if fkey not in inputs:
                    problems.append(f"tables.{key}[{i}].{fkey}: unknown input field")
                    continue
                out[fkey] = _in(value, inputs[fkey], f"tables.{key}[{i}].{fkey}", problems)
            _row_units(table, out, f"tables.{key}[{i}]", problems)
            tables[key].append(out)
    if problems:
        shown = "\n".join(f"- {p}" for p in problems[:25])
        raise PlanDataError(f"{source} does not follow the plan schema (see docs/plan.schema.json):\n{shown}")
    return Plan(lang, scalars, tables)


def _row_units(table, row: dict, where: str, problems: list[str]) -> None:
    """A % row of a mixed-unit table holds shares (0.45), as a rate column does."""
    if table.row_unit is None:
        return
    for key in table.row_unit.fields:
        value = row.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1 and is_percent(table, table.field(key), row):
            problems.append(f"{where}.{key}: {value!r} is on a % row: a share between 0 and 1 (0.45 for 45 %)")


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


def _in(value: object, f: Field, where: str, problems: list[str]) -> object:
    if value is None:
        return None
    if f.kind == Kind.DATE:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            problems.append(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)")
            return None
    if f.kind == Kind.CHOICE:
        if not any(c.key == value for c in f.choices):
            problems.append(f"{where}: {value!r} is not one of {', '.join(c.key for c in f.choices)}")
        return value
    if f.numeric:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{where}: {value!r} is not a number")
            return None
        if value < 0:
            problems.append(f"{where}: {value!r} is negative")
        if f.kind == Kind.RATE and value > 1:
            problems.append(f"{where}: {value!r} is a share between 0 and 1 (0.45 for 45 %)")
        return value
    if not isinstance(value, str):
        problems.append(f"{where}: {value!r} is not a text")
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
