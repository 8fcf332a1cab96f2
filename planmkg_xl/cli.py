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
from .excel_cli import excel_group

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
    from .excel_setup import configure_interpreter

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
def rules(lang: str) -> None:
    """List every coherence rule: id, severity and what it checks.

    Example: planmkg rules --lang en
    """
    from .checks.report import format_rules

    click.echo(format_rules(lang))


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
        for line in changes:  # texts cut to fit a slide
            click.echo(f"  {line}")
    if pdf or png_dir:
        from .deck.preview import to_pdf, to_png

        if pdf:
            click.echo(f"Created {to_pdf(target, target.parent)}")
        if png_dir:
            pages = to_png(target, png_dir)
            click.echo(f"Created {len(pages)} PNG page(s) in {png_dir}")


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
