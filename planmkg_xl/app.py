"""The use cases every front end shares: new, demo, recompute, export, check, deck.

The CLI and the Excel ribbon call these and only these, so both give the same
results. Paths in, reports out; user-facing problems raise ``PlanError``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .core.compute import Computed, compute
from .errors import PlanError, WorkbookError
from .messages import msg, say
from .io.package import Package, check_not_locked, check_output, check_writable, read_package, write_atomic, zip_bytes
from .io.read import WorkbookData, read_package_data
from .core.layout import formulas
from .model.findings import Finding
from .model.plan import Plan
from .model.schema import CHECKS_CODENAME, LISTS_CODENAME, SHEETS, WORKBOOK_CODENAME, default_scalars

# The rules, the writer, the Contrôles sheet and JSON are imported by the use cases that need them: a ribbon
# click imports this module, and building a deck or a monthly review needs none of them (bench/ribbon_import.py).
if TYPE_CHECKING:
    from .core.imports import Changes
    from .io.write import Refusal, Repair

SHEET_CODENAMES = [s.codename for s in SHEETS] + [CHECKS_CODENAME, LISTS_CODENAME]  # Accueil first


def build_xlsm(plan: Plan) -> bytes:
    """The .xlsm bytes for a plan: sheets, formulas with cached values, checks, VBA project, ribbon.

    Deterministic: the same plan always gives the same bytes.
    """
    import io
    import zipfile

    from .io.build import APP_PROPERTIES, build_workbook  # openpyxl: only when building, not on every ribbon click
    from .io.macro import add_macro_parts
    from .io.write import refresh_derived, serialise

    xlsx, _ = build_workbook(plan)
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zf:
        pkg = Package({i.filename: zf.read(i) for i in zf.infolist()})
    data = read_package_data(pkg)
    full = compute(data.plan)
    changed, _, _ = refresh_derived(data, full)
    changed |= write_findings(data, findings_for(full.compact(data.compact_plan())))
    parts = {**pkg.parts, **serialise(data, changed)}
    parts["docProps/core.xml"] = _fixed_core_times(parts["docProps/core.xml"])
    parts["docProps/app.xml"] = APP_PROPERTIES
    parts = add_macro_parts(parts, plan.lang, WORKBOOK_CODENAME, SHEET_CODENAMES)
    return zip_bytes(parts)


def findings_for(computed: Computed) -> list[Finding]:
    """Every coherence finding of a computed plan (PLAN_SPEC §2)."""
    from .checks import run_checks

    return run_checks(computed)


def write_findings(data: WorkbookData, findings: list[Finding]) -> set[str]:
    """Fill the Contrôles sheet (rows and flag list that drives the highlight); the sheet parts changed."""
    from .io.controls import flags, locate, write_controls

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
        raise PlanError(msg("app.not_xlsm", name=path.name))
    check_output(path, (".xlsm",), inputs=inputs, force=force)
    if plan is None:
        plan = Plan(lang=lang, scalars=default_scalars())
    write_atomic(path, build_xlsm(plan))
    return path


def new_from_json(json_path: str | os.PathLike, path: str | os.PathLike, force: bool = False,
                  lang: str | None = None) -> tuple[Path, str]:
    """A workbook filled from a JSON plan, labelled in ``lang`` (default: the plan's); the path and the content's language.

    The plan's own texts (objectives, tactics…) are the user's words: they are kept in
    their language, which is returned so the front end can say when it differs.
    """
    from .io.jsonio import plan_from_json_file

    src = Path(json_path)
    check_output(path, (".xlsm",), inputs=(src,), force=force)
    plan = plan_from_json_file(src)
    content_lang = plan.lang
    if lang and lang != plan.lang:
        plan = replace(plan, lang=lang)
    return new_workbook(path, plan=plan, force=force, inputs=(src,)), content_lang


def demo(out_dir: str | os.PathLike, lang: str = "fr", force: bool = False) -> Path:
    """The demo workbook in ``out_dir``; an existing one (or its deck) is replaced only with ``force``."""
    from .demo import demo_plan

    path = Path(out_dir) / "Plan_Marketing.xlsm"
    check_output(path.with_suffix(".pptx"), (".pptx",), force=force, replace_hint=msg("out.hint_demo"))
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
    from .io.jsonio import plan_to_json

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
    from .io.write import drop_calc_chain, refresh_derived, serialise

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
        raise WorkbookError(msg("app.lost_vba", name=path.name))
    data = read_package_data(pkg)
    full = compute(data.plan)
    expected = formulas(data.layout)
    changed, repairs, refused = refresh_derived(data, full, expected)
    findings = findings_for(full.compact(data.compact_plan()))
    changed |= write_findings(data, findings)
    parts = {**pkg.parts, **serialise(data, changed)}
    if changed:
        parts = drop_calc_chain(parts)
    if changed or target != path:
        write_atomic(target, zip_bytes(parts, pkg.infos))
    return RecomputeReport(target, len(expected), repairs, findings, sorted(changed), refused, data.layout.lang)


def cell_address(data: WorkbookData):
    """A function naming a finding's cell as the user finds it: 'Commercial!K12'."""
    from .io.controls import locate

    layout, rows = data.layout, data.sheet_rows()

    def where(ref) -> str | None:
        place = locate(ref, layout, rows)
        return f"{place[0]}!{place[1]}" if place else None

    return where


def check(path: str | os.PathLike) -> tuple[WorkbookData, list[Finding]]:
    """The findings of a workbook, read-only: `check` never writes to the file."""
    data, computed = load_computed(path)
    return data, findings_for(computed)


def deck_for(computed: Computed, findings: list[Finding] | None, template: str | None = None, lang: str | None = None,
             appendix: bool = True, with_checks: bool = False) -> bytes:
    """The executive deck of a computed plan, on the built-in or the user's template."""
    from .deck.bounds import bounded
    from .deck.render import build_deck

    return build_deck(bounded(computed, lang or computed.plan.lang)[0], findings, template=template, lang=lang, appendix=appendix,
                      with_checks=with_checks)


def update_deck_for(computed: Computed, findings: list[Finding] | None, existing: bytes, lang: str | None = None,
                    appendix: bool = True, with_checks: bool = False) -> tuple[bytes, list[str]]:
    """Refresh a deck the user edited: the generated numbers, tables and charts; nothing of theirs."""
    from .deck.bounds import bounded
    from .deck.render import update_deck

    return update_deck(bounded(computed, lang or computed.plan.lang)[0], findings, existing, lang=lang, appendix=appendix,
                       with_checks=with_checks)


def deck_findings(data: WorkbookData, computed: Computed, lang: str | None) -> list[Finding]:
    """The findings in the deck's language: an English deck of a French workbook says them in English."""
    if not lang or lang == computed.plan.lang:
        return findings_for(computed)
    return findings_for(compute(replace(data.compact_plan(), lang=lang)))


def deck(path: str | os.PathLike, output: str | os.PathLike | None = None, template: str | None = None,
         lang: str | None = None, update: str | os.PathLike | None = None, force: bool = False, appendix: bool = True,
         with_checks: bool = False) -> tuple[Path, list[str]]:
    """Build (or, with ``update``, refresh in place) the deck of a workbook; the deck path and the changes.

    A new deck never replaces an existing file unless ``force`` (it may be a deck the director
    edited: ``update`` refreshes that one and keeps their edits); the workbook never.
    ``appendix``: the situation slides after the ten Executive Summary slides; ``with_checks``: the
    coherence findings as the last appendix slide (the committee deck leaves them to the Contrôles tab).
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
                     replace_hint=msg("out.hint_update", workbook=Path(path).name, deck=default.name))
    from .deck.bounds import bounded

    data, computed = load_computed(path)
    findings = deck_findings(data, computed, lang) if with_checks else None
    computed, notes = bounded(computed, lang or data.layout.lang)  # what a slide can show; the notes say what was cut
    if update is not None:
        update = Path(update)
        if not update.exists():
            raise PlanError(msg("app.no_deck", path=update, name=Path(path).name))
        check_not_locked(update)
        content, changes = update_deck_for(computed, findings, update.read_bytes(), lang=lang, appendix=appendix, with_checks=with_checks)
        target = Path(output) if output else update
    else:
        content, changes = deck_for(computed, findings, template, lang, appendix=appendix, with_checks=with_checks), []
        target = Path(output) if output else Path(path).with_suffix(".pptx")
    check_not_locked(target)
    write_atomic(target, content)
    return target, notes + changes


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
                raise PlanError(say("app.month_year", lang, month=month, year=int(year))) from None
            raise PlanError(say("app.month_format", lang, month=month)) from None
    result = ReviewReport(pacing.review(computed, number), computed, lang)
    if write_deck:
        target = Path(output) if output else Path(path).with_name(review_name(Path(path).stem, result.review.month, lang))
        if target.suffix.lower() != ".pptx":
            raise PlanError(say("app.review_pptx", lang, name=target.name))
        if target.exists() and not force:
            raise PlanError(say("app.review_exists", lang, path=target))
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


# ---------------------------------------------------------------- import of exports (planmkg import, ribbon « Importer… »)

@dataclass
class ImportedFile:
    """One export read: its format, the year taken, the rows read and used, and what it says."""

    path: Path
    kind: str
    preset: str
    year: int | None
    rows_read: int
    rows_used: int
    targets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportPreview:
    """What an import would do to a plan: the pure result every front end applies in its own way."""

    files: list[ImportedFile]
    changes: "Changes"
    detail: list[dict] | None = None  # per-customer segmentation rows (--detail)


@dataclass
class ImportReport:
    path: Path
    preview: ImportPreview
    written: bool
    dry_run: bool
    findings: list[Finding] = field(default_factory=list)
    changed_parts: list[str] = field(default_factory=list)
    lang: str = "fr"
    places: dict = field(default_factory=dict)  # table -> (sheet title, first data row, {field: column})

    def address(self, change) -> str:
        """Where a change lands, as the user finds it: 'Commercial!D13'."""
        from .core.layout import cell_ref

        title, first_row, cols = self.places[change.table]
        return f"{title}!{cell_ref(first_row + change.row, cols[change.field])}"

    @property
    def changes(self):
        return self.preview.changes

    @property
    def files(self) -> list[ImportedFile]:
        return self.preview.files


def import_changes(plan: Plan, files, *, kind: str | None = None, mapping=None, year: int | None = None, replace: bool = False,
                   detail: bool = False, lang: str | None = None, today=None) -> ImportPreview:
    """Read the exports and compute the cell changes for ``plan`` (with its blank rows). Nothing is written.

    The ribbon's « Importer… » applies the result through the open workbook; ``import_files`` through the file.
    Every file is read and checked before any change is computed: one bad file, nothing imported.
    """
    import datetime as dt

    from .core.imports import plan_changes
    from .sources.aggregate import aggregate, default_year, provenance
    from .sources.mapping import load_mapping
    from .sources.read import read_export

    lang = lang or plan.lang
    today = today or dt.date.today()
    preset = load_mapping(mapping) if mapping is not None and not hasattr(mapping, "columns") else mapping
    if not files:
        raise PlanError(say("import.no_files", lang))
    exports = [read_export(f, kind=kind, mapping=preset, lang=lang) for f in files]
    aggregates, imported, detail_rows = [], [], None
    for export in exports:
        y = year if year is not None else default_year(export, plan)
        result = aggregate(export, plan, y, lang, detail=detail)
        targets = sorted({a.table for a in result.aggregates})
        aggregates += result.aggregates
        aggregates.append(provenance(export, y, result.rows_used, targets, today))
        imported.append(ImportedFile(export.path, export.kind, export.preset.name, y, export.rows_read, result.rows_used, targets,
                                     export.notes + result.notes))
        if result.detail is not None:
            detail_rows = (detail_rows or []) + result.detail
    changes = plan_changes(plan, aggregates, replace=replace)
    from .model.schema import TABLES

    if "input_data" in TABLES:  # the Accueil checklist of input data (seed slide 9): ticked with the source file
        _tick_checklist(plan, changes, imported, today, replace, lang)
    return ImportPreview(imported, changes, detail_rows)


def _tick_checklist(plan: Plan, changes, imported: list[ImportedFile], today, replace: bool, lang: str) -> None:
    """Add to ``changes`` the checklist rows each imported kind proves: « available » yes (a « no » typed is a
    conflict unless ``replace``), the file added to the row's sources, the date of the import."""
    from .core.checklist import checklist_ticks
    from .core.imports import CONFLICT, NEW, REPLACED, SAME, CellChange, same_value
    from .model.home_tabs import IMPORT_CHECKLIST

    rows = [dict(r) for r in plan.tables.get("input_data", [])]
    start = len(rows)
    for f in imported:
        if f.kind not in IMPORT_CHECKLIST:
            continue
        for t in checklist_ticks(rows, f.kind, f.path.name, on=today, lang=lang, tables=f.targets):
            while t.row >= len(rows):
                rows.append({})
            if t.old in (None, ""):
                status = NEW
            elif same_value(t.old, t.new):
                status = SAME
            elif t.field == "available" and not replace:
                status = CONFLICT
            else:
                status = REPLACED  # the sources list and the date are the import's own
            changes.cells.append(CellChange("input_data", t.row, t.field, t.old, t.new, status, f.path.name))
            if status in (NEW, REPLACED):
                rows[t.row][t.field] = t.new
    if len(rows) > start:
        changes.grow["input_data"] = len(rows)


def import_files(path: str | os.PathLike, files, *, kind: str | None = None, mapping=None, year: int | None = None,
                 dry_run: bool = False, replace: bool = False, detail: bool = False, output: str | os.PathLike | None = None,
                 force: bool = False, today=None) -> ImportReport:
    """Import exports into a plan workbook: input cells only, atomically, then derived cells and checks recomputed.

    Conflicts (a typed value that differs) are kept unless ``replace``; ``dry_run`` writes nothing.
    """
    from .io.inputs import apply_changes
    from .io.write import drop_calc_chain, refresh_derived, serialise

    path = Path(path)
    target = Path(output) if output else path
    check_not_locked(path)
    if output:  # the same output rules as recompute (suffix, not an input, --force to replace)
        suffix = path.suffix.lower() if path.suffix.lower() in (".xlsm", ".xlsx") else ".xlsm"
        check_output(target, (suffix,), inputs=(path, *files), force=force)
        check_not_locked(target)
    pkg = read_package(path)
    if not output and not dry_run:
        check_writable(path)
    if "xl/vbaProject.bin" not in pkg.parts and path.suffix.lower() == ".xlsm":
        raise WorkbookError(msg("app.lost_vba", name=path.name))
    data = read_package_data(pkg)
    preview = import_changes(data.plan, [Path(f) for f in files], kind=kind, mapping=mapping, year=year, replace=replace,
                             detail=detail, lang=data.layout.lang, today=today)
    report = ImportReport(target, preview, written=False, dry_run=dry_run, lang=data.layout.lang,
                          places={k: (g.sheet_title, g.first_row, dict(g.cols)) for k, g in data.layout.tables.items()})
    if dry_run or (not preview.changes.writes and preview.detail is None):
        return report
    parts = {**pkg.parts, **apply_changes(data, preview.changes)}
    if preview.detail is not None:
        from .io.detail import put_detail_sheet

        parts = put_detail_sheet(parts, preview.detail, data.layout.lang)
    pkg2 = Package(parts, pkg.infos)
    data2 = read_package_data(pkg2)
    full = compute(data2.plan)
    changed, _, _ = refresh_derived(data2, full)
    findings = findings_for(full.compact(data2.compact_plan()))
    changed |= write_findings(data2, findings)
    out = drop_calc_chain({**pkg2.parts, **serialise(data2, changed)})
    write_atomic(target, zip_bytes(out, pkg.infos))
    report.written, report.findings = True, findings
    report.changed_parts = sorted(k for k, v in out.items() if pkg.parts.get(k) != v)
    return report


def init_mapping(path: str | os.PathLike, kind: str | None = None, export: str | os.PathLike | None = None, force: bool = False) -> Path:
    """Write a mapping file ready to edit, pre-filled from an export's headers when one is given."""
    from .sources.mapping import mapping_template
    from .sources.read import export_headers

    path = Path(path)
    if path.exists() and not force:
        raise PlanError(msg("app.mapping_exists", path=path))
    headers = export_headers(export) if export is not None else None
    write_atomic(path, mapping_template(kind, headers).encode("utf-8"))
    return path
