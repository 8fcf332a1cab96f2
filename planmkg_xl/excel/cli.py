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
    """Excel integration: make the ribbon find Python, repair the workbook's macros.

    Example: planmkg excel setup
    """


@excel_group.command("setup")
@click.option("--workbook", type=click.Path(dir_okay=False, path_type=Path),
              help="Also check this workbook's folder for an xlwings.conf that would override the settings.")
@click.option("--force", is_flag=True, help="Replace settings you set yourself (INTERPRETER_WIN, USE UDF SERVER…).")
@click.option("--udf-server/--no-udf-server", "udf_server", default=None,
              help="Keep Python running between clicks (Windows). Default: on where it is safe.")
@click.option("--udfs", is_flag=True, help="Also list planmkg_xl.excel.udfs in UDF MODULES (worksheet functions, Windows).")
def setup(workbook: Path | None, force: bool, udf_server: bool | None, udfs: bool) -> None:
    """Tell xlwings (your user xlwings.conf) to run the ribbon with this Python and planmkg_xl.

    Run it once per machine, after installing planmkg_xl (see the README's Install), with
    the Python that has the package. Settings you set yourself are kept (see --force); on Mac it also does what
    `xlwings runpython install` does.

    Example: planmkg excel setup
    Example: planmkg excel setup --udfs --workbook Plan_Marketing.xlsm
    """
    from .setup import configure_interpreter

    changes = configure_interpreter(workbook, force=force, udf_server=udf_server, udfs=udfs)
    if not changes:
        click.echo(say("setup.nothing"))
    for line in changes:
        click.echo(line)


@excel_group.command("repair")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def repair(path: Path) -> None:
    """Re-import the workbook's VBA modules through Excel itself (Windows, Excel installed).

    Use it when Excel says the macros are damaged or the ribbon's buttons do nothing.
    Needs "Trust access to the VBA project object model" (Excel > Options > Trust
    Center > Macro Settings); close the workbook first.

    Example: planmkg excel repair Plan_Marketing.xlsm
    """
    from .ribbon import repair_vba

    for line in repair_vba(path):
        click.echo(line)
    click.echo(f"Repaired {path}")
