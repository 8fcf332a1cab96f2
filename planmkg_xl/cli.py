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
from .helptext import Group, help_args, lang_asked
from .messages import choose_lang, os_error, reset_lang, say

EXIT_FINDINGS, EXIT_USER, EXIT_BUG = 1, 2, 3


class _Group(Group):
    """Turns a PlanError into a clear message and exit code 2, never a traceback.

    Each command starts in the machine's language, or in the ``--lang`` given anywhere on
    the command line (so ``--help`` and usage errors already speak it); the command's own
    ``--lang`` and then the workbook it reads decide the language of what follows.
    """

    help_root = True

    def make_context(self, info_name, args, parent=None, **extra):
        asked = lang_asked(list(args))
        reset_lang()
        choose_lang(asked)
        ctx = super().make_context(info_name, help_args(list(args)), parent=parent, **extra)
        ctx.meta["planmkg.lang_asked"] = asked
        return ctx

    def invoke(self, ctx):
        reset_lang()
        choose_lang(ctx.meta.get("planmkg.lang_asked"))
        try:
            return super().invoke(ctx)
        except PlanError as exc:
            click.echo(say("cli.error", text=exc), err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except OSError as exc:  # the system refused a file the user named: said like a PlanError, exit 2
            click.echo(say("cli.error", text=os_error(exc)), err=True)
            ctx.exit(EXIT_USER)
        except KeyboardInterrupt:
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 — last line of defence: no traceback for a user
            if os.environ.get("PLANMKG_DEBUG"):
                raise
            click.echo(say("cli.internal", version=__version__, kind=type(exc).__name__, text=exc), err=True)
            ctx.exit(EXIT_BUG)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planmkg")
def main() -> None:
    """The root group; its help page is manual.HELP["cmd:"]."""


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["fr", "en"]))
@click.option("--from", "from_json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
def new(path: Path, lang: str | None, from_json: Path | None, force: bool) -> None:
    """A new workbook, empty or filled from a JSON plan (help page: manual.HELP["cmd:new"])."""
    choose_lang(lang)
    if from_json:
        out, content_lang = app.new_from_json(from_json, path, force=force, lang=lang)
        if lang and content_lang != lang:
            click.echo(say("cli.content_lang", path=from_json.name))
    else:
        out = app.new_workbook(path, lang=lang or "fr", force=force)
    click.echo(say("cli.created", path=out))
    _configure_excel(out)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("planmkg-demo"), show_default=True)
@click.option("--lang", type=click.Choice(["fr", "en"]), default="fr", show_default=True)
@click.option("--force", is_flag=True)
def demo(out_dir: Path, lang: str, force: bool) -> None:
    """The demo plan: workbook, deck and checks in one go (help page: manual.HELP["cmd:demo"])."""
    choose_lang(lang)
    path = app.demo(out_dir, lang=lang, force=force)
    click.echo(say("cli.created", path=path))
    _configure_excel(path)
    deck_path, _ = app.deck(path, force=True)
    click.echo(say("cli.created", path=deck_path))
    data, findings = app.check(path)
    from .checks.report import format_table

    click.echo(format_table(findings, data.layout.lang, where=app.cell_address(data)))


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export(path: Path, json_out: Path) -> None:
    """The plan's inputs as JSON (help page: manual.HELP["cmd:export"])."""
    click.echo(say("cli.wrote", path=app.export_json(path, json_out)))


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@click.option("--verbose", "-v", is_flag=True)
def recompute(path: Path, output: Path | None, force: bool, verbose: bool) -> None:
    """Calculated cells rewritten, overwritten formulas repaired (help page: manual.HELP["cmd:recompute"])."""
    from .io.repair_report import recompute_lines

    report = app.recompute(path, output, force=force)
    for line in recompute_lines(report, report.lang, verbose):
        click.echo(line)
    click.echo(say("cli.checks", summary=_count(report.findings)))


_IMPORT_KINDS = ["deals", "leads", "web", "emailing", "events", "spend", "invoices", "kpi-actuals"]


@main.command("import")
@click.argument("args", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as", "kind", type=click.Choice(_IMPORT_KINDS))
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=click.IntRange(1990, 2200))
@click.option("--dry-run", is_flag=True)
@click.option("--replace", is_flag=True)
@click.option("--detail", is_flag=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@click.option("--init-mapping", "init_map", type=click.Path(dir_okay=False, path_type=Path))
def import_(args: tuple[Path, ...], kind: str | None, mapping: Path | None, year: int | None, dry_run: bool, replace: bool,
            detail: bool, output: Path | None, force: bool, init_map: Path | None) -> None:
    """Exports summed into the plan's input cells (help page: manual.HELP["cmd:import"])."""
    if init_map is not None:
        export_file = args[0] if args else None
        click.echo(say("cli.mapping_written", path=app.init_mapping(init_map, kind=kind, export=export_file), name=init_map.name))
        return
    if len(args) < 2:
        raise click.UsageError(say("import.usage"))
    plan, files = args[0], list(args[1:])
    report = app.import_files(plan, files, kind=kind, mapping=mapping, year=year, dry_run=dry_run, replace=replace,
                              detail=detail, output=output, force=force)
    click.echo(_format_import(report))


def _format_import(report) -> str:
    """What was read, the table of changes (cell, old, new, status), the conflicts and what was written."""
    from .model.schema import TABLES

    lang = report.lang
    lines = []
    for f in report.files:
        lines.append(say("import.file", lang, name=f.path.name, preset=f.preset, kind=f.kind, year=f.year or "—",
                         read=f.rows_read, used=f.rows_used))
        lines += [f"  {n}" for n in f.notes]
    changes = report.changes
    shown = [c for c in changes.cells if c.status != "same"]
    shown.sort(key=lambda c: (list(TABLES).index(c.table), c.row, TABLES[c.table].fields.index(TABLES[c.table].field(c.field))))
    if shown:
        head = tuple(say("import.heads", lang).split("|"))

        def show(c, value):
            f = TABLES[c.table].field(c.field)
            if f.choices and any(ch.key == value for ch in f.choices):
                return f.choice_label(value, lang)
            return _show(value)

        rows = [head] + [(report.address(c), TABLES[c.table].field(c.field).label(lang), show(c, c.old), show(c, c.new),
                          say("import.status_" + c.status, lang)) for c in shown]
        widths = [min(40, max(len(str(r[i])) for r in rows)) for i in range(5)]
        for r in rows:
            lines.append("  ".join(str(v)[:40].ljust(w) for v, w in zip(r, widths)).rstrip())
    for table, label, source in changes.unmatched:
        lines.append(say("import.unmatched", lang, label=label, table=TABLES[table].name, source=source))
    for key, n in changes.grow.items():
        lines.append(say("import.grown", lang, table=TABLES[key].name, n=n))
    if changes.conflicts:
        lines.append(say("import.conflicts", lang, n=len(changes.conflicts)))
    n = len(changes.writes)
    if report.dry_run:
        lines.append(say("import.dry_run", lang, n=n))
    elif report.written:
        lines.append(say("import.written", lang, n=n, path=report.path, summary=_count(report.findings)))
    else:
        lines.append(say("import.nothing", lang))
    return "\n".join(lines)


def _show(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _configure_excel(workbook: Path) -> None:
    """Let the workbook's ribbon find this Python at once (Windows, Mac); nothing on other systems."""
    from .excel.setup import configure_interpreter

    try:
        notes = configure_interpreter(workbook)
    except PlanError as exc:
        notes = [say("cli.xlwings_warning", text=exc)]
    for line in notes:
        click.echo(line)


def _count(findings) -> str:
    from .checks.report import summary

    from .messages import current_lang

    return summary(findings, current_lang())


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True)
def check(path: Path, fmt: str, fail_on: str) -> None:
    """The coherence findings; the exit code lets a script gate on them (help page: manual.HELP["cmd:check"])."""
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
@click.option("--lang", type=click.Choice(["fr", "en"]))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules(lang: str | None, fmt: str) -> None:
    """The rule registry as text or as docs/rules.md (help page: manual.HELP["cmd:rules"])."""
    from .checks.report import format_rules, rules_markdown

    from .messages import current_lang

    choose_lang(lang)
    lang = current_lang()
    click.echo(rules_markdown(lang) if fmt == "markdown" else format_rules(lang), nl=fmt != "markdown")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["fr", "en"]))
@click.option("--update", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@click.option("--pdf", is_flag=True)
@click.option("--png", "png_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--no-appendix", is_flag=True)
@click.option("--with-checks", is_flag=True)
def deck(path: Path, output: Path | None, template: Path | None, lang: str | None, update: Path | None, force: bool, pdf: bool,
         png_dir: Path | None, no_appendix: bool, with_checks: bool) -> None:
    """The committee deck, built or updated in place (help page: manual.HELP["cmd:deck"])."""
    choose_lang(lang)
    target, changes = app.deck(path, output=output, template=str(template) if template else None, lang=lang, update=update,
                               force=force, appendix=not no_appendix, with_checks=with_checks)
    if update is not None:
        click.echo(say("cli.deck_updated", path=target, n=len(changes)))
        for line in changes:
            click.echo(f"  {line}")
    else:
        click.echo(say("cli.created", path=target))
        for line in changes:  # texts cut to fit a slide
            click.echo(f"  {line}")
    if pdf or png_dir:
        from .deck.preview import to_pdf, to_png

        if pdf:
            click.echo(say("cli.created", path=to_pdf(target, target.parent)))
        if png_dir:
            pages = to_png(target, png_dir)
            click.echo(say("cli.pages", n=len(pages), path=png_dir))


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--month")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@click.option("--no-deck", is_flag=True)
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--pdf", is_flag=True)
def review(path: Path, month: str | None, output: Path | None, force: bool, no_deck: bool, template: Path | None, pdf: bool) -> None:
    """The monthly review: pace, forecast, status, and a short deck (help page: manual.HELP["cmd:review"])."""
    from .checks.pacing import kpi_value, month_name
    from .checks._common import Ctx
    from .core import pacing

    report = app.review(path, month, output, force, str(template) if template else None, write_deck=not no_deck)
    ctx, lang, r = Ctx(report.computed), report.lang, report.review
    click.echo(say("review.title", lang, month=month_name(lang, r.month)) + "\n")
    heads = tuple(say("review.heads", lang).split("|"))
    rows = []
    for p in r.paces:
        show = (lambda v: kpi_value(ctx, p.unit, v) if v is not None else "–")  # noqa: E731
        name = p.kpi if len(p.kpi) <= 48 else p.kpi[:47].rsplit(" ", 1)[0] + " …"
        rows.append((name, show(p.actual), show(p.expected), ctx.pct(p.gap, signed=True) if p.gap is not None else "–",
                     show(p.forecast), show(p.target), say("review.status_" + p.status, lang)))
    widths = [max(len(str(x)) for x in col) for col in zip(heads, *rows)]
    for line in (heads, *rows):
        click.echo("  ".join(str(x).ljust(w) if i in (0, 6) else str(x).rjust(w) for i, (x, w) in enumerate(zip(line, widths))))
    for p in r.spend:
        click.echo("\n" + say("review.budget", lang, kpi=p.kpi, actual=ctx.money(p.actual or 0), target=ctx.money(p.target or 0))
                   + (f" ({ctx.pct((p.actual or 0) / p.target)})" if p.target else ""))
    click.echo("")
    click.echo(say("review.behind", lang, behind=r.count(pacing.BEHIND), n=len(r.paces)))
    if report.deck is not None:
        click.echo(say("cli.created", lang, path=report.deck))
        if pdf:
            from .deck.preview import to_pdf

            click.echo(say("cli.created", lang, path=to_pdf(report.deck, report.deck.parent)))


@main.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path))
def schema(out: Path | None) -> None:
    """The JSON Schema of a plan file (help page: manual.HELP["cmd:schema"])."""
    import json

    from .io.jsonio import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(say("cli.wrote", path=out))
    else:
        click.echo(text, nl=False)


main.add_command(excel_group)
