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
from .io.build import build_workbook
from .io.jsonio import plan_from_json, plan_to_json
from .io.macro import add_macro_parts
from .io.package import Package, check_not_locked, read_package, write_atomic, zip_bytes
from .io.read import WorkbookData, read_package_data
from .io.write import Repair, drop_calc_chain, refresh_derived
from .model.plan import Plan
from .model.schema import HOME_CODENAME, SHEETS, WORKBOOK_CODENAME, default_scalars

LISTS_CODENAME = "shListes"
SHEET_CODENAMES = [HOME_CODENAME] + [s.codename for s in SHEETS] + [LISTS_CODENAME]


def build_xlsm(plan: Plan) -> bytes:
    """The .xlsm bytes for a plan: sheets, formulas with cached values, VBA project, ribbon.

    Deterministic: the same plan always gives the same bytes.
    """
    import io
    import zipfile

    xlsx, _ = build_workbook(plan)
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zf:
        pkg = Package({i.filename: zf.read(i) for i in zf.infolist()})
    data = read_package_data(pkg)
    changed, _ = refresh_derived(data, compute(data.plan))
    parts = {**pkg.parts, **changed}
    parts["docProps/core.xml"] = _fixed_core_times(parts["docProps/core.xml"])
    parts = add_macro_parts(parts, plan.lang, WORKBOOK_CODENAME, SHEET_CODENAMES)
    return zip_bytes(parts)


def _fixed_core_times(core: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z", core)


def new_workbook(path: str | os.PathLike, lang: str = "fr", plan: Plan | None = None, force: bool = False) -> Path:
    """Write a new plan workbook (empty, or filled from ``plan``)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsm":
        raise PlanError(f"{path.name}: the workbook must be an .xlsm file (it carries the ribbon's macros). Use e.g. Plan_Marketing.xlsm.")
    if path.exists() and not force:
        raise PlanError(f"{path} already exists. Choose another name, or pass --force to replace it.")
    if plan is None:
        plan = Plan(lang=lang, scalars=default_scalars())
    write_atomic(path, build_xlsm(plan))
    return path


def new_from_json(json_path: str | os.PathLike, path: str | os.PathLike, force: bool = False) -> Path:
    src = Path(json_path)
    try:
        text = src.read_text(encoding="utf-8")
    except OSError as exc:
        raise PlanError(f"Cannot read {src}: {exc.strerror}.") from exc
    return new_workbook(path, plan=plan_from_json(text, src.name), force=force)


def demo(out_dir: str | os.PathLike, lang: str = "fr", force: bool = True) -> Path:
    from .demo import demo_plan

    return new_workbook(Path(out_dir) / "Plan_Marketing.xlsm", plan=demo_plan(lang), force=force)


def load(path: str | os.PathLike) -> WorkbookData:
    """Read a workbook (read-only)."""
    return read_package_data(read_package(path))


def load_computed(path: str | os.PathLike) -> tuple[WorkbookData, Computed]:
    """A workbook and its compact plan's derived values (what checks, JSON and the deck use)."""
    data = load(path)
    return data, compute(data.compact_plan())


def export_json(path: str | os.PathLike, out: str | os.PathLike) -> Path:
    data = load(path)
    out = Path(out)
    write_atomic(out, plan_to_json(data.compact_plan()).encode("utf-8"))
    return out


@dataclass
class RecomputeReport:
    path: Path
    derived_cells: int
    repairs: list[Repair] = field(default_factory=list)
    changed_parts: list[str] = field(default_factory=list)


def recompute(path: str | os.PathLike, output: str | os.PathLike | None = None) -> RecomputeReport:
    """Rewrite every derived cell (repairing overwritten formulas); inputs and foreign parts untouched."""
    path = Path(path)
    target = Path(output) if output else path
    check_not_locked(path)
    if target != path:
        check_not_locked(target)
    pkg = read_package(path)
    if "xl/vbaProject.bin" not in pkg.parts and path.suffix.lower() == ".xlsm":
        raise WorkbookError(f"{path.name} has lost its VBA project (saved as .xlsx and renamed?). Rebuild it: "
                            f"`planmkg export {path.name} --json plan.json` then `planmkg new --from plan.json NEW.xlsm`.")
    data = read_package_data(pkg)
    changed, repairs = refresh_derived(data, compute(data.plan))
    parts = {**pkg.parts, **changed}
    if changed:
        parts = drop_calc_chain(parts)
    from .core.layout import formulas

    if changed or target != path:
        write_atomic(target, zip_bytes(parts, pkg.infos))
    return RecomputeReport(target, len(formulas(data.layout)), repairs, sorted(changed))
