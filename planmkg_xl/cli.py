"""`planmkg …`: arguments -> app use case -> output and exit code. Nothing else lives here.

Exit codes: 0 success; 1 `check` found findings at or above --fail-on; 2 the user must
fix something (bad file, bad value: the message says what, where and how); 3 an
internal error (a bug: please report it).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__, app
from .errors import PlanError
from .excel.cli import excel_group

EXIT_FINDINGS, EXIT_USER, EXIT_BUG = 1, 2, 3


class _Group(click.Group):
    """Turns a PlanError into a clear message and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PlanError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 — last line of defence: no traceback for a user
            if os.environ.get("PLANMKG_DEBUG"):
                raise
            click.echo(f"Internal error (a bug in planmkg {__version__}): {type(exc).__name__}: {exc}\n"
                       f"Nothing was written. Run again with PLANMKG_DEBUG=1 for details and report it.", err=True)
            ctx.exit(EXIT_BUG)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planmkg")
def main() -> None:
    """planmkg — the B2B marketing plan workbook, its checks and its executive deck.

    Example: planmkg demo --out demo
    """


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True, help="Language of labels and messages.")
@click.option("--from", "from_json", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Fill it from a JSON plan.")
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
def new(path: Path, lang: str, from_json: Path | None, force: bool) -> None:
    """Create a plan workbook (.xlsm) with its ribbon.

    Example: planmkg new --lang en Plan_Marketing.xlsm
    Example: planmkg new --from plan.json Plan_Marketing.xlsm
    """
    out = app.new_from_json(from_json, path, force=force) if from_json else app.new_workbook(path, lang=lang, force=force)
    click.echo(f"Created {out}")
    _configure_excel(out)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("planmkg-demo"), show_default=True,
              help="Folder for the demo workbook.")
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--force", is_flag=True, help="Replace the demo workbook and deck if they exist.")
def demo(out_dir: Path, lang: str, force: bool) -> None:
    """Build the demo plan (a French B2B SME, every tab filled): its workbook, its deck and its checks.

    Writes DIR/Plan_Marketing.xlsm and DIR/Plan_Marketing.pptx, and prints the coherence findings.

    Example: planmkg demo --out demo
    """
    path = app.demo(out_dir, lang=lang, force=force)
    click.echo(f"Created {path}")
    _configure_excel(path)
    deck_path, _ = app.deck(path, force=True)
    click.echo(f"Created {deck_path}")
    data, findings = app.check(path)
    from .checks.report import format_table

    click.echo(format_table(findings, data.layout.lang, where=app.cell_address(data)))


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Where to write the JSON plan.")
def export(path: Path, json_out: Path) -> None:
    """Export the plan's inputs as JSON (see `planmkg schema`).

    Example: planmkg export Plan_Marketing.xlsm --json plan.json
    """
    click.echo(f"Wrote {app.export_json(path, json_out)}")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the result here instead of replacing PATH.")
@click.option("--force", is_flag=True, help="Replace --output if it exists.")
@click.option("--verbose", "-v", is_flag=True, help="List every cell extended, repaired or left alone.")
def recompute(path: Path, output: Path | None, force: bool, verbose: bool) -> None:
    """Rewrite every calculated cell, repair overwritten formulas, refresh the Contrôles sheet.

    Input cells are never changed and every other part of the file stays as it is. A cell
    that may have been typed is left alone and reported.

    Example: planmkg recompute Plan_Marketing.xlsm

    Example: planmkg recompute Plan_Marketing.xlsm --verbose
    """
    from .io.repair_report import recompute_lines

    report = app.recompute(path, output, force=force)
    for line in recompute_lines(report, report.lang, verbose):
        click.echo(line)
    click.echo(f"Checks: {_count(report.findings)} (see the Contrôles sheet, or `planmkg check`).")


def _configure_excel(workbook: Path) -> None:
    """Let the workbook's ribbon find this Python at once (Windows, Mac); nothing on other systems."""
    from .excel.setup import configure_interpreter

    try:
        notes = configure_interpreter(workbook)
    except PlanError as exc:
        notes = [f"Warning: xlwings settings not written ({exc}); run `planmkg excel setup` later."]
    for line in notes:
        click.echo(line)


def _count(findings) -> str:
    from .checks.report import summary

    return summary(findings, "en")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
              help="Exit with code 1 when a finding reaches this severity.")
def check(path: Path, fmt: str, fail_on: str) -> None:
    """Check that the plan's objectives hold together (reverse funnel, budget, benchmarks, SMART, data).

    Never writes to the file. Exit code 0: nothing reaches --fail-on; 1: findings do; 2: the file has a problem.

    Example: planmkg check Plan_Marketing.xlsm --fail-on warning
    """
    import json

    from .checks.report import format_table, to_json
    from .model.findings import Severity

    data, findings = app.check(path)
    if fmt == "json":
        click.echo(json.dumps(to_json(findings, where=app.cell_address(data)), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(findings, data.layout.lang, where=app.cell_address(data)))
    if fail_on != "never" and any(f.severity >= Severity.parse(fail_on) for f in findings):
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="markdown: the document docs/rules.md is generated from (why, formula and source of each rule).")
def rules(lang: str, fmt: str) -> None:
    """List every coherence rule: id, severities, what it checks and its source (details: docs/rules.md).

    Example: planmkg rules --lang en --format markdown > docs/rules.md
    """
    from .checks.report import format_rules, rules_markdown

    click.echo(rules_markdown(lang) if fmt == "markdown" else format_rules(lang), nl=fmt != "markdown")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="The deck to write (default: PATH with .pptx).")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Your corporate template (.pptx/.potx).")
@click.option("--lang", type=click.Choice(["fr", "en"]), help="Language of the deck (default: the workbook's).")
@click.option("--update", type=click.Path(dir_okay=False, path_type=Path), help="Refresh this existing deck in place, keeping your edits.")
@click.option("--force", is_flag=True, help="Replace the output deck if it exists (--update keeps your edits instead).")
@click.option("--pdf", is_flag=True, help="Also write a PDF next to the deck (needs LibreOffice).")
@click.option("--png", "png_dir", type=click.Path(file_okay=False, path_type=Path), help="Also write one PNG per slide here (needs LibreOffice).")
def deck(path: Path, output: Path | None, template: Path | None, lang: str | None, update: Path | None, force: bool, pdf: bool,
         png_dir: Path | None) -> None:
    """Generate (or update in place) the executive-summary PowerPoint deck from the workbook.

    Example: planmkg deck Plan_Marketing.xlsm --output Plan_Marketing.pptx --pdf
    Example: planmkg deck Plan_Marketing.xlsm --update Plan_Marketing.pptx
    """
    target, changes = app.deck(path, output=output, template=str(template) if template else None, lang=lang, update=update,
                               force=force)
    if update is not None:
        click.echo(f"Updated {target}: {len(changes)} change(s).")
        for line in changes:
            click.echo(f"  {line}")
    else:
        click.echo(f"Created {target}")
    if pdf or png_dir:
        from .deck.preview import to_pdf, to_png

        if pdf:
            click.echo(f"Created {to_pdf(target, target.parent)}")
        if png_dir:
            pages = to_png(target, png_dir)
            click.echo(f"Created {len(pages)} PNG page(s) in {png_dir}")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--month", help="The month reviewed, YYYY-MM (default: the latest month with an actual).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="The review deck (default: next to PATH, Plan_revue_MM.pptx; Plan_review_MM.pptx in English).")
@click.option("--force", is_flag=True, help="Replace the review deck if it exists.")
@click.option("--no-deck", is_flag=True, help="Print the review only; write no deck.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Your corporate template (.pptx/.potx).")
@click.option("--pdf", is_flag=True, help="Also write a PDF next to the deck (needs LibreOffice).")
def review(path: Path, month: str | None, output: Path | None, force: bool, no_deck: bool, template: Path | None, pdf: bool) -> None:
    """Monthly review: each KPI's actual against its expected pace, year-end forecast, status; budget spent vs plan.

    The pace is seasonal when the tabs hold last year's monthly profile (Web months; dated leads), else linear.
    Reads the workbook, never writes to it; writes a short review deck (3–5 slides).

    Example: planmkg review Plan_Marketing.xlsm --month 2026-09 --output Revue_septembre.pptx
    """
    from .checks.pacing import kpi_value, month_name
    from .checks._common import Ctx
    from .core import pacing

    report = app.review(path, month, output, force, str(template) if template else None, write_deck=not no_deck)
    ctx, lang, r = Ctx(report.computed), report.lang, report.review
    fr = lang == "fr"
    status = {pacing.AHEAD: ("en avance", "ahead"), pacing.ON_TRACK: ("dans le rythme", "on pace"), pacing.BEHIND: ("EN RETARD", "BEHIND"),
              pacing.NO_ACTUALS: ("pas de réalisé", "no actuals"), pacing.NO_TARGET: ("pas de cible", "no target")}
    click.echo((f"Revue à fin {month_name(lang, r.month)}" if fr else f"Review at the end of {month_name(lang, r.month)}") + "\n")
    heads = ("KPI", "Réalisé" if fr else "Actual", "Attendu" if fr else "Expected", "Écart" if fr else "Gap",
             "Fin d'année" if fr else "Year end", "Cible" if fr else "Target", "Statut" if fr else "Status")
    rows = []
    for p in r.paces:
        show = (lambda v: kpi_value(ctx, p.metric, v, p.target) if v is not None else "–")  # noqa: E731
        rows.append((p.kpi[:38], show(p.actual), show(p.expected), ctx.pct(p.gap, signed=True) if p.gap is not None else "–",
                     show(p.forecast), show(p.target), status[p.status][0 if fr else 1]))
    widths = [max(len(str(x)) for x in col) for col in zip(heads, *rows)]
    for line in (heads, *rows):
        click.echo("  ".join(str(x).ljust(w) if i in (0, 6) else str(x).rjust(w) for i, (x, w) in enumerate(zip(line, widths))))
    for p in r.spend:
        click.echo(("\nBudget : " if fr else "\nBudget: ") + f"{p.kpi} — {ctx.money(p.actual or 0)} / {ctx.money(p.target or 0)}"
                   + (f" ({ctx.pct((p.actual or 0) / p.target)})" if p.target else ""))
    click.echo("")
    click.echo(f"{r.count(pacing.BEHIND)} KPI en retard sur {len(r.paces)}." if fr else f"{r.count(pacing.BEHIND)} of {len(r.paces)} KPIs behind.")
    if report.deck is not None:
        click.echo(f"Created {report.deck}")
        if pdf:
            from .deck.preview import to_pdf

            click.echo(f"Created {to_pdf(report.deck, report.deck.parent)}")


@main.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the schema to this file instead of printing it.")
def schema(out: Path | None) -> None:
    """Print the JSON Schema of a plan file.

    Example: planmkg schema --out plan.schema.json
    """
    import json

    from .io.jsonio import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {out}")
    else:
        click.echo(text, nl=False)


main.add_command(excel_group)
