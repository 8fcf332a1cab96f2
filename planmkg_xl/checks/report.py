"""Findings for people (a plain-text table) and for machines (JSON-ready dicts).

The command line (``planmkg check``, ``planmkg rules``) prints these; they need no
colour or terminal library. A cell is named by its sheet, column (or scalar) label
and row number, as the user finds it in the workbook; the "Contrôles" sheet adds the
A1 hyperlink, which needs a layout and is the writer's job.
"""
from __future__ import annotations

import datetime as dt
import textwrap

from ..messages import say
from ..model.findings import CellRef, Finding, Severity
from ..model.schema import SCALARS, SHEET_OF, SCALAR_BLOCKS, TABLES
from .registry import RULES, RULES_BY_ID

WIDTH = 100


def cell_label(ref: CellRef, lang: str) -> str:
    """``Lead generation › Budget N › total`` / ``Budget › Enveloppe… ``: where to look."""
    if ref.table is None:
        block = next((b for b in SCALAR_BLOCKS.values() if any(f.key == ref.field for f in b.fields)), None)
        sheet = SHEET_OF[block.key].title(lang) if block else ""
        label = SCALARS[ref.field].label(lang) if ref.field in SCALARS else ref.field
        return f"{sheet} › {label}"
    table = TABLES[ref.table]
    sheet = SHEET_OF[ref.table].title(lang)
    label = table.field(ref.field).label(lang) if ref.field in {f.key for f in table.fields} else ref.field
    where = say("checks.total", lang) if ref.row is None else say("checks.row", lang, n=ref.row + 1)
    return f"{sheet} › {table.title(lang)} › {label} › {where}"


INCOMPLETE_RULES = frozenset({"CMP-001"})


def verdict_key(findings: list[Finding]) -> str:
    """``"incomplete"`` (a required input is missing), ``"incoherent"`` (an error or a warning) or ``"coherent"``."""
    if any(f.rule_id in INCOMPLETE_RULES for f in findings):
        return "incomplete"
    if any(f.severity >= Severity.WARNING for f in findings):
        return "incoherent"
    return "coherent"


def verdict(findings: list[Finding], lang: str) -> str:
    """The one sentence that says whether the plan holds together: the CLI, the Contrôles sheet and the deck use it.

    An incomplete plan is never called coherent; remarks (infos) do not make a plan incoherent.
    """
    key = verdict_key(findings)
    if key == "incomplete":
        sheets = list(dict.fromkeys(str(f.data.get("sheet")) for f in findings if f.rule_id in INCOMPLETE_RULES and f.data.get("sheet")))
        return say("checks.incomplete", lang, where=", ".join(sheets))
    if key == "coherent":
        infos = sum(1 for f in findings if f.severity == Severity.INFO)
        if not infos:
            return say("checks.coherent", lang)
        return say("checks.coherent_remarks" if infos > 1 else "checks.coherent_remark", lang, n=infos)
    return say("checks.incoherent", lang, summary=summary(findings, lang))


def format_table(findings: list[Finding], lang: str, where=None) -> str:
    """A readable table: severity, rule, message, then the cells concerned; a summary line.

    ``where(cell_ref) -> "Sheet!A1" | None`` (from the workbook's layout) adds each cell's address.
    """
    if not findings:
        return verdict(findings, lang)
    head = say("checks.header", lang).split("|")
    sev_w, id_w = 8, 8
    indent = " " * (sev_w + id_w + 2)
    lines = [f"{head[0]:<{sev_w}} {head[1]:<{id_w}} {head[2]}", "-" * WIDTH]
    for f in findings:
        body = textwrap.wrap(f.message, WIDTH - len(indent)) or [""]
        lines.append(f"{f.severity.label(lang):<{sev_w}} {f.rule_id:<{id_w}} {body[0]}")
        lines += [indent + part for part in body[1:]]
        lines += [indent + "→ " + _with_address(c, lang, where) for c in f.cells]
    lines.append("-" * WIDTH)
    lines.append(summary(findings, lang))
    lines.append(verdict(findings, lang))
    return "\n".join(lines)


def _with_address(ref: CellRef, lang: str, where) -> str:
    address = where(ref) if where else None
    return f"{address} ({cell_label(ref, lang)})" if address else cell_label(ref, lang)


def summary(findings: list[Finding], lang: str) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    names = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "infos"}
    return ", ".join(f"{counts[s]} {say('checks.' + names[s], lang).split('|')[counts[s] != 1]}" for s in sorted(Severity, reverse=True))


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def to_json(findings: list[Finding], where=None) -> list[dict]:
    """One dict per finding, ready for ``json.dumps`` (dates as ISO text); ``where`` adds cell addresses."""
    out = []
    for f in findings:
        rule = RULES_BY_ID.get(f.rule_id)
        out.append({
            "rule_id": f.rule_id,
            "severity": f.severity.key,
            "title": {"fr": rule.title.fr, "en": rule.title.en} if rule else None,
            "message": f.message,
            "cells": [{"table": c.table, "row": c.row, "field": c.field, **({"address": where(c)} if where else {})} for c in f.cells],
            "data": _plain(f.data),
        })
    return out


RULES_DOC = "docs/rules.md"


def format_rules(lang: str) -> str:
    """``planmkg rules``: every rule with id, severities, title, what it checks, its source; the full text is docs/rules.md."""
    lines = [say("checks.rules_title", lang, n=len(RULES)), "=" * WIDTH]
    for rule in RULES:
        lines.append(say("checks.rule_line", lang, id=rule.id, severity=rule.severity_label(lang), title=rule.title(lang)))
        lines += ["          " + part for part in textwrap.wrap(rule.checks(lang), WIDTH - 10)]
        lines += ["          " + part for part in textwrap.wrap(say("checks.source", lang, text=rule.source(lang)), WIDTH - 10)]
    lines.append("=" * WIDTH)
    lines.append(say("checks.rules_doc", lang, path=RULES_DOC))
    return "\n".join(lines)


def rules_markdown(lang: str = "en") -> str:
    """``docs/rules.md``: the registry as a document (a test keeps the committed file equal to this)."""
    head = say("rules.md_head", lang).split("|")
    out = ["# " + say("rules.md_title", lang), "", say("rules.md_generated", lang, lang=lang), "", say("rules.md_severity", lang), "",
           say("rules.md_count", lang, n=len(RULES)), "", f"| Id | {head[0]} | {head[1]} |", "|---|---|---|"]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.severity_label(lang)} | {r.title(lang)} |" for r in RULES]
    labels = say("rules.md_labels", lang).split("|")
    for r in RULES:
        out += ["", f"## {r.id}", "", f"**{r.title(lang)}** — {r.severity_label(lang)}", ""]
        for label, text in zip(labels, (r.checks(lang), r.why(lang), r.formula(lang), r.source(lang))):
            out.append(say("rules.md_item", lang, label=label, text=text))
    return "\n".join(out) + "\n"
