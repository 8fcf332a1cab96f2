"""The deck as data: computed plan + coherence findings -> ordered slide specs (pure).

Why pure: the specs are what the tests compare with the computed plan, what the
renderer draws on any template, and what an update refreshes in an edited deck; no
python-pptx here. Order follows the seed's sommaire (slide 6): today, tomorrow, why
and how, how much, what to remember — then the coherence findings.
"""
from __future__ import annotations

from typing import Iterable

from ..checks.report import verdict, verdict_key
from ..core.compute import Computed
from ..model.findings import Finding
from ..model.schema import LANGS
from .blocks import LEFT, RIGHT, Para, SlideSpec, TableBlock, TextBlock
from .ctx import Ctx
from .executive import executive_slides
from .situation import situation_slides

MAX_FINDINGS = 12
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def deck_spec(computed: Computed, findings: Iterable[object] | None = None, lang: str | None = None) -> list[SlideSpec]:
    """Every slide of the deck, in order, with formatted tables, chart data and texts."""
    lang = lang or computed.plan.lang
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    c = Ctx(computed, lang)
    situation = situation_slides(c)
    executive = executive_slides(c)
    body = situation + executive + [_findings(c, findings)]
    return [_title(c), _agenda(c, body)] + body


def _title(c: Ctx) -> SlideSpec:
    s = c.computed.scalars
    year = s.get("plan_year")
    title = c.tr("Plan marketing", "Marketing plan") + (f" {int(year)}" if isinstance(year, (int, float)) else "")
    parts = [str(s[k]) for k in ("company", "author") if s.get(k)]
    if s.get("plan_date"):
        parts.append(c.f.date(s["plan_date"]))
    return SlideSpec("title", "title", title, subtitle=" — ".join(parts) or c.tr("Comité de direction", "Executive committee"))


_SECTIONS = (
    (("Aujourd'hui : situation actuelle", "Today: current situation"),
     ("commercial", "channels", "leadgen", "leadgen_charts", "web", "key_metrics", "swot")),
    (("Demain : objectifs", "Tomorrow: objectives"), ("objectives",)),
    (("Pourquoi et comment : stratégie", "Why and how: strategy"), ("ansoff", "customers", "leadgen_strategy", "brand", "content")),
    (("Combien : ressources et mesures", "How much: resources and measures"), ("budget", "kpis")),
    (("Que faut-il en retenir ?", "What to remember"), ("pitch",)),
    (("Contrôles de cohérence", "Coherence checks"), ("findings",)),
)


def _agenda(c: Ctx, body: list[SlideSpec]) -> SlideSpec:
    number = {s.key: i for i, s in enumerate(body, 3)}
    titles = {s.key: s.title for s in body}
    columns: list[list[Para]] = [[], []]
    for i, ((fr, en), keys) in enumerate(_SECTIONS):
        col = columns[0 if i < 2 else 1]
        head = f"{i + 1}. {c.tr(fr, en)}" if i < 5 else c.tr(fr, en)
        col.append(Para(f"{head}  ({number[keys[0]]})" if len(keys) == 1 else f"{head}  ({number[keys[0]]}–{number[keys[-1]]})", bold=True))
        if len(keys) > 1:
            col.extend(Para(titles[k], level=1) for k in keys)
    return SlideSpec("agenda", "agenda", c.tr("Sommaire", "Agenda"),
                     blocks=[TextBlock("agenda_1", columns[0], box=LEFT, bullets=True, max_size=18, group="agenda"),
                             TextBlock("agenda_2", columns[1], box=RIGHT, bullets=True, max_size=18, group="agenda")])


def _severity(finding: object) -> str:
    """"error" / "warning" / "info" from a ``Severity`` (its ``key``), an enum of strings or a string."""
    sev = getattr(finding, "severity", "info")
    key = getattr(sev, "key", None)
    if isinstance(key, str):
        return key
    value = getattr(sev, "value", sev)
    return (value if isinstance(value, str) else getattr(sev, "name", str(sev))).lower()


def _findings(c: Ctx, findings: Iterable[object] | None) -> SlideSpec:
    slide = SlideSpec("findings", "findings", c.tr("Contrôles de cohérence du plan", "Plan coherence checks"),
                      c.tr("Annexe", "Appendix"),
                      notes=c.tr("Source : onglet Contrôles (planmkg check).", "Source: Checks tab (planmkg check)."))
    if findings is None:
        slide.blocks.append(TextBlock("findings", [Para(c.tr("Les contrôles de cohérence n'ont pas été exécutés pour ce deck.",
                                                             "The coherence checks were not run for this deck."))],
                                      style="empty", kind="empty", max_size=16, box=(0, 0, 1, 0.2)))
        return slide
    items = sorted(findings, key=lambda f: _SEVERITY_ORDER.get(_severity(f), 3))
    if not items:
        slide.blocks.append(TextBlock("findings", [Para(c.tr(verdict([], "fr"), verdict([], "en")))],
                                      style="callout", kind="empty", max_size=20, box=(0, 0, 1, 0.2)))
        return slide
    labels = {"error": c.tr("Erreur", "Error"), "warning": c.tr("Alerte", "Warning"), "info": "Info"}
    shown = items[:MAX_FINDINGS]
    rows = [[labels.get(_severity(f), _severity(f)), str(getattr(f, "rule_id", "")), str(getattr(f, "message", ""))] for f in shown]
    table = TableBlock("findings", [c.tr("Gravité", "Severity"), c.tr("Contrôle", "Check"), c.tr("Constat", "Finding")], rows,
                       widths=[1.0, 1.8, 8.2], align=["l", "l", "l"], box=(0, 0, 1, 0.9), max_size=12)
    table.highlight += [(i, 0) for i, f in enumerate(shown) if _severity(f) == "error"]
    table.highlight_style = "alert"
    slide.blocks.append(table)
    counts = {k: sum(1 for f in items if _severity(f) == k) for k in labels}
    msg = c.tr(f"{counts['error']} erreur(s), {counts['warning']} alerte(s), {counts['info']} info(s)",
               f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info(s)")
    if all(isinstance(f, Finding) for f in items) and verdict_key(items) == "incomplete":
        msg = verdict(items, c.lang) + " " + msg  # the same words as `planmkg check`: never "coherent" when incomplete
    if len(items) > len(shown):
        msg += c.tr(f" — {len(items) - len(shown)} autres constats dans l'onglet Contrôles.",
                    f" — {len(items) - len(shown)} more findings in the Checks tab.")
    slide.blocks.append(TextBlock("findings_summary", [Para(msg)], box=(0, 0.92, 1, 0.08), style="note", max_size=12))
    return slide
