"""The use cases every front end shares: new, demo, recompute, export, check, deck.

The CLI and the Excel ribbon call these and only these, so both give the same
results. Paths in, reports out; user-facing problems raise ``PlanError``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .core.compute import Computed, compute
from .errors import PlanError, WorkbookError
from .io.jsonio import plan_from_json_file, plan_to_json
from .io.package import Package, check_not_locked, check_output, check_writable, read_package, write_atomic, zip_bytes
from .io.read import WorkbookData, read_package_data
from .checks import run_checks
from .core.layout import formulas
from .io.controls import flags, locate, write_controls
from .io.write import Refusal, Repair, drop_calc_chain, refresh_derived, serialise
from .model.findings import Finding
from .model.plan import Plan
from .model.schema import CHECKS_CODENAME, LISTS_CODENAME, SHEETS, WORKBOOK_CODENAME, default_scalars

SHEET_CODENAMES = [s.codename for s in SHEETS] + [CHECKS_CODENAME, LISTS_CODENAME]  # Accueil first


def build_xlsm(plan: Plan) -> bytes:
    """The .xlsm bytes for a plan: sheets, formulas with cached values, checks, VBA project, ribbon.

    Deterministic: the same plan always gives the same bytes.
    """
    import io
    import zipfile

    from .io.build import build_workbook  # openpyxl: only when building, not on every ribbon click
    from .io.macro import add_macro_parts

    xlsx, _ = build_workbook(plan)
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zf:
        pkg = Package({i.filename: zf.read(i) for i in zf.infolist()})
    data = read_package_data(pkg)
    full = compute(data.plan)
    changed, _, _ = refresh_derived(data, full)
    changed |= write_findings(data, findings_for(full.compact(data.compact_plan())))
    parts = {**pkg.parts, **serialise(data, changed)}
    parts["docProps/core.xml"] = _fixed_core_times(parts["docProps/core.xml"])
    parts = add_macro_parts(parts, plan.lang, WORKBOOK_CODENAME, SHEET_CODENAMES)
    return zip_bytes(parts)


def findings_for(computed: Computed) -> list[Finding]:
    """Every coherence finding of a computed plan (PLAN_SPEC §2)."""
    return run_checks(computed)


def write_findings(data: WorkbookData, findings: list[Finding]) -> set[str]:
    """Fill the Contrôles sheet (rows and flag list that drives the highlight); the sheet parts changed."""
    layout, rows = data.layout, data.sheet_rows()
    places = [[p for p in (locate(ref, layout, rows) for ref in f.cells) if p] for f in findings]
    codename_of = {sp.title: sp.codename for sp in data.wmap.sheets.values() if sp.codename}
    controls = next((sp.part for sp in data.wmap.sheets.values() if sp.codename == CHECKS_CODENAME), None)
    if controls is None:
        return set()
    changed = write_controls(data.sheet_roots[controls], findings, layout.lang, places, flags(findings, places, codename_of))
    return {controls} if changed else set()


def _fixed_core_times(core: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z", core)


def new_workbook(path: str | os.PathLike, lang: str = "fr", plan: Plan | None = None, force: bool = False,
                 inputs: tuple = ()) -> Path:
    """Write a new plan workbook (empty, or filled from ``plan``)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsm":
        raise PlanError(f"{path.name}: the workbook must be an .xlsm file (it carries the ribbon's macros). Use e.g. Plan_Marketing.xlsm.")
    check_output(path, (".xlsm",), inputs=inputs, force=force)
    if plan is None:
        plan = Plan(lang=lang, scalars=default_scalars())
    write_atomic(path, build_xlsm(plan))
    return path


def new_from_json(json_path: str | os.PathLike, path: str | os.PathLike, force: bool = False) -> Path:
    src = Path(json_path)
    check_output(path, (".xlsm",), inputs=(src,), force=force)
    return new_workbook(path, plan=plan_from_json_file(src), force=force, inputs=(src,))


def demo(out_dir: str | os.PathLike, lang: str = "fr", force: bool = False) -> Path:
    """The demo workbook in ``out_dir``; an existing one (or its deck) is replaced only with ``force``."""
    from .demo import demo_plan

    path = Path(out_dir) / "Plan_Marketing.xlsm"
    check_output(path.with_suffix(".pptx"), (".pptx",), force=force, replace_hint="(planmkg demo writes a workbook and its deck.)")
    return new_workbook(path, plan=demo_plan(lang), force=force)


def load(path: str | os.PathLike) -> WorkbookData:
    """Read a workbook (read-only)."""
    return read_package_data(read_package(path))


def load_computed(path: str | os.PathLike) -> tuple[WorkbookData, Computed]:
    """A workbook and its compact plan's derived values (what checks, JSON and the deck use)."""
    data = load(path)
    return data, compute(data.compact_plan())


def export_json(path: str | os.PathLike, out: str | os.PathLike) -> Path:
    """The plan's inputs as JSON. An existing JSON file is replaced (exporting again is the usual cycle);
    the workbook itself, or a file of another kind, never is."""
    out = Path(out)
    check_output(out, (".json",), inputs=(path,), force=True)
    data = load(path)
    write_atomic(out, plan_to_json(data.compact_plan()).encode("utf-8"))
    return out


@dataclass
class RecomputeReport:
    path: Path
    derived_cells: int
    repairs: list[Repair] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    changed_parts: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    lang: str = "fr"


def recompute(path: str | os.PathLike, output: str | os.PathLike | None = None, force: bool = False) -> RecomputeReport:
    """Rewrite every derived cell (repairing overwritten formulas), then the Contrôles sheet.

    Input cells and every part we do not own stay byte-identical; the file is replaced atomically.
    A cell that may have been typed is left alone and reported (``RecomputeReport.refused``).
    """
    path = Path(path)
    target = Path(output) if output else path
    check_not_locked(path)
    if output:
        suffix = path.suffix.lower() if path.suffix.lower() in (".xlsm", ".xlsx") else ".xlsm"
        check_output(target, (suffix,), inputs=(path,), force=force)
        check_not_locked(target)
    pkg = read_package(path)
    if not output:
        check_writable(path)
    if "xl/vbaProject.bin" not in pkg.parts and path.suffix.lower() == ".xlsm":
        raise WorkbookError(f"{path.name} has lost its VBA project (saved as .xlsx and renamed?). Rebuild it: "
                            f"`planmkg export {path.name} --json plan.json` then `planmkg new --from plan.json NEW.xlsm`.")
    data = read_package_data(pkg)
    full = compute(data.plan)
    changed, repairs, refused = refresh_derived(data, full)
    findings = findings_for(full.compact(data.compact_plan()))
    changed |= write_findings(data, findings)
    parts = {**pkg.parts, **serialise(data, changed)}
    if changed:
        parts = drop_calc_chain(parts)
    if changed or target != path:
        write_atomic(target, zip_bytes(parts, pkg.infos))
    return RecomputeReport(target, len(formulas(data.layout)), repairs, findings, sorted(changed), refused, data.layout.lang)


def cell_address(data: WorkbookData):
    """A function naming a finding's cell as the user finds it: 'Commercial!K12'."""
    layout, rows = data.layout, data.sheet_rows()

    def where(ref) -> str | None:
        place = locate(ref, layout, rows)
        return f"{place[0]}!{place[1]}" if place else None

    return where


def check(path: str | os.PathLike) -> tuple[WorkbookData, list[Finding]]:
    """The findings of a workbook, read-only: `check` never writes to the file."""
    data, computed = load_computed(path)
    return data, findings_for(computed)


def deck_for(computed: Computed, findings: list[Finding] | None, template: str | None = None, lang: str | None = None) -> bytes:
    """The executive deck of a computed plan, on the built-in or the user's template."""
    from .deck.render import build_deck

    return build_deck(computed, findings, template=template, lang=lang)


def update_deck_for(computed: Computed, findings: list[Finding] | None, existing: bytes, lang: str | None = None) -> tuple[bytes, list[str]]:
    """Refresh a deck the user edited: the generated numbers, tables and charts; nothing of theirs."""
    from .deck.render import update_deck

    return update_deck(computed, findings, existing, lang=lang)


def deck(path: str | os.PathLike, output: str | os.PathLike | None = None, template: str | None = None,
         lang: str | None = None, update: str | os.PathLike | None = None, force: bool = False) -> tuple[Path, list[str]]:
    """Build (or, with ``update``, refresh in place) the deck of a workbook; the deck path and the changes.

    A new deck never replaces an existing file unless ``force`` (it may be a deck the director
    edited: ``update`` refreshes that one and keeps their edits); the workbook never.
    """
    decks = (".pptx",)
    if update is not None:
        if output:
            check_output(output, decks, inputs=(path, update, template), force=force)
        else:
            check_output(update, decks, inputs=(path, template), force=True)
            check_writable(update)
    else:
        default = Path(output) if output else Path(path).with_suffix(".pptx")
        check_output(default, decks, inputs=(path, template), force=force,
                     replace_hint=f"To refresh a deck you edited, keeping your edits: `planmkg deck {Path(path).name} --update {default.name}`.")
    data, computed = load_computed(path)
    findings = findings_for(computed)
    if update is not None:
        update = Path(update)
        if not update.exists():
            raise PlanError(f"{update} does not exist: build the deck first with `planmkg deck {Path(path).name}`.")
        check_not_locked(update)
        content, changes = update_deck_for(computed, findings, update.read_bytes(), lang=lang)
        target = Path(output) if output else update
    else:
        content, changes = deck_for(computed, findings, template, lang), []
        target = Path(output) if output else Path(path).with_suffix(".pptx")
    check_not_locked(target)
    write_atomic(target, content)
    return target, changes


@dataclass
class ReviewReport:
    """The monthly review of a workbook: each KPI's pace at ``review.month``, and the deck written (if any)."""

    review: object  # core.pacing.Review
    computed: Computed
    lang: str
    deck: Path | None = None


def review(path: str | os.PathLike, month: str | None = None, output: str | os.PathLike | None = None, force: bool = False,
           template: str | None = None, write_deck: bool = True) -> ReviewReport:
    """The monthly review (seed slide 53: KPIs followed every month): pace, forecast and status of every KPI at
    ``month`` ("2026-09"; default: the latest month with an actual), and its short deck next to the workbook.

    Read-only on the workbook. The deck is written atomically; an existing one is replaced only with ``force``.
    """
    from .core import pacing

    data, computed = load_computed(path)
    lang = data.layout.lang
    number = None
    if month is not None:
        year = computed.scalars.get("plan_year")
        try:
            number = pacing.month_of(month, year)
        except ValueError as exc:
            if str(exc) == "year":
                raise PlanError(_say(lang, f"--month {month} : le plan porte sur {int(year)} (Paramètres › Année du plan). "
                                           f"Donnez un mois de {int(year)}, par exemple {int(year)}-09.",
                                     f"--month {month}: the plan is for {int(year)} (Settings › Plan year). "
                                     f"Give a month of {int(year)}, for example {int(year)}-09.")) from None
            raise PlanError(_say(lang, f"--month {month} : attendu un mois au format AAAA-MM, par exemple 2026-09.",
                                 f"--month {month}: expected a month as YYYY-MM, for example 2026-09.")) from None
    result = ReviewReport(pacing.review(computed, number), computed, lang)
    if write_deck:
        target = Path(output) if output else Path(path).with_name(review_name(Path(path).stem, result.review.month, lang))
        if target.suffix.lower() != ".pptx":
            raise PlanError(_say(lang, f"{target.name} : la revue est une présentation .pptx. Choisissez par exemple Revue.pptx.",
                                 f"{target.name}: the review is a .pptx deck. Choose e.g. Review.pptx."))
        if target.exists() and not force:
            raise PlanError(_say(lang, f"{target} existe déjà. Choisissez un autre nom (--output) ou ajoutez --force pour le remplacer.",
                                 f"{target} already exists. Choose another name (--output), or pass --force to replace it."))
        check_not_locked(target)
        write_atomic(target, review_deck_for(computed, result.review, template, lang))
        result.deck = target
    return result


def review_name(stem: str, month: int, lang: str) -> str:
    """The review deck's default name, beside the workbook: ``Plan_Marketing_revue_09.pptx``."""
    return f"{stem}_{'revue' if lang == 'fr' else 'review'}_{month:02d}.pptx"


def review_deck_for(computed: Computed, review_data, template: str | None = None, lang: str | None = None) -> bytes:
    """The review deck's bytes (python-pptx only on this path)."""
    from .deck.render import render_specs
    from .deck.review import review_spec

    lang = lang or computed.plan.lang
    return render_specs(review_spec(computed, review_data, lang), lang, template)


def _say(lang: str, fr: str, en: str) -> str:
    return fr if lang == "fr" else en
