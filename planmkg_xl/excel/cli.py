"""`planmkg excel …`: set up this machine for the workbook's ribbon, repair a workbook's VBA.

A click group the main CLI adds with ``main.add_command(excel_group)``; errors are
``PlanError`` and reach the user through the main group's handler (message, exit code 2).
"""
from __future__ import annotations

from pathlib import Path

import click

from ..helptext import Group
from ..messages import say


@click.group("excel", cls=Group)
def excel_group() -> None:
    """The Excel front end's machine set-up and repair (help page: manual.HELP["cmd:excel"])."""


@excel_group.command("setup")
@click.option("--workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True)
@click.option("--udf-server/--no-udf-server", "udf_server", default=None)
@click.option("--udfs", is_flag=True)
def setup(workbook: Path | None, force: bool, udf_server: bool | None, udfs: bool) -> None:
    """xlwings told to run the ribbon with this Python (help page: manual.HELP["cmd:excel setup"])."""
    from .setup import configure_interpreter

    changes = configure_interpreter(workbook, force=force, udf_server=udf_server, udfs=udfs)
    if not changes:
        click.echo(say("setup.nothing"))
    for line in changes:
        click.echo(line)


@excel_group.command("repair")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def repair(path: Path) -> None:
    """The workbook's VBA re-imported through Excel (help page: manual.HELP["cmd:excel repair"])."""
    from .ribbon import repair_vba

    for line in repair_vba(path):
        click.echo(line)
    click.echo(say("repair.done", path=path))
