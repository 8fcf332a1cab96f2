"""The deck as data: computed plan + coherence findings -> ordered slide specs (pure).

Why pure: the specs are what the tests compare with the computed plan, what the
renderer draws on any template, and what an update refreshes in an edited deck; no
python-pptx here. Order follows the seed's Executive Summary slides (22 to 56: where we are,
where we go, how, with what, the pitch), the situation slides in appendix.
"""
from __future__ import annotations

from typing import Iterable

from ..core.compute import Computed
from ..model.findings import Finding
from ..model.schema import LANGS
from .blocks import ChartBlock, Para, SlideSpec, TableBlock, TextBlock
from .ctx import Ctx
from .executive import executive_slides
from .situation import situation_slides

MAX_FINDINGS = 12
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def deck_spec(computed: Computed, findings: Iterable[object] | None = None, lang: str | None = None, *,
              appendix: bool = True, with_checks: bool = False) -> list[SlideSpec]:
    """Every slide of the deck, in order, with formatted tables, chart data and texts.

    The seed's committee deck: the title slide, the ten Executive Summary slides, then
    an appendix with the situation slides (``appendix=False`` drops it). The coherence
    findings are the controller's view (Contrôles tab, ``planmkg check``); ``with_checks``
    adds them as the last appendix slide.
    """
    lang = lang or computed.plan.lang
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    c = Ctx(computed, lang)
    slides = [_title(c)] + executive_slides(c)
    if appendix:
        slides += situation_slides(c)
    if with_checks:
        slides.append(_findings(c, findings))
    for slide in slides:
        _real_years(c, slide)
    return slides


def _real_years(c: Ctx, slide: SlideSpec) -> None:
    """Generated labels say 2025 / 2026, not N-1 / N (user texts are left as typed)."""
    slide.section = c.years(slide.section)
    if slide.kind in ("situation", "findings"):
        slide.title = c.years(slide.title)
    for block in slide.blocks:
        if isinstance(block, TextBlock) and block.key.endswith("_message"):  # generated sentences, never a user's text
            for para in block.paragraphs:
                para.text = c.years(para.text)
        if isinstance(block, TableBlock):
            block.header = [c.years(h) for h in block.header]
        elif isinstance(block, ChartBlock):
            block.title = c.years(block.title)
            for series in block.series:
                series.name = c.years(series.name)


def _title(c: Ctx) -> SlideSpec:
    s = c.computed.scalars
    title = c.tr("Plan marketing", "Marketing plan") + (f" {c.year}" if c.year else "")
    parts = [str(s[k]) for k in ("company", "author") if s.get(k)]
    if s.get("plan_date"):
        parts.append(c.f.date(s["plan_date"]))
    return SlideSpec("title", "title", title, subtitle=" — ".join(parts) or c.tr("Comité de direction", "Executive committee"))


def _severity(finding: object) -> str:
    """"error" / "warning" / "info" from a ``Severity`` (its ``key``), an enum of strings or a string."""
    sev = getattr(finding, "severity", "info")
    key = getattr(sev, "key", None)
    if isinstance(key, str):
        return key
    value = getattr(sev, "value", sev)
    return (value if isinstance(value, str) else getattr(sev, "name", str(sev))).lower()


def _findings(c: Ctx, findings: Iterable[object] | None) -> SlideSpec:
    from ..checks.report import verdict, verdict_key  # the rules' words, only for a deck that shows them (--with-checks)

    slide = SlideSpec("findings", "findings", c.tr("Contrôles de cohérence du plan", "Plan coherence checks"),
                      c.tr("Annexe · Contrôles", "Appendix · Checks"),
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
