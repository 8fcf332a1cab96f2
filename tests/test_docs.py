"""Docs that cannot fall behind: every command has help with an example and a README row."""
from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from planmkg_xl.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,)


def test_every_command_has_help_with_an_example():
    for path in _commands(main):
        result = CliRunner().invoke(main, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Example: planmkg " + " ".join(path) in result.output, f"{' '.join(path)}: no example in --help"


def test_every_command_is_in_the_readme_with_an_example():
    for path in _commands(main):
        name = "planmkg " + " ".join(path)
        assert f"`{name}`" in README, f"README does not list {name}"
        assert re.search(rf"`{re.escape(name)} [^`]*`", README), f"README has no example of {name}"


def test_quick_start_has_exactly_two_commands_install_demo_then_tests():
    block = README.split("<!-- quickstart -->")[1].split("<!-- /quickstart -->")[0]
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("```")]
    assert len(commands) == 2
    assert "pip install" in commands[0] and "planmkg demo" in commands[0]
    assert "pytest" in commands[1]


def test_every_install_command_in_the_docs_works_today():
    """planmkg_xl is not on the package index: a doc may name `pip install planmkg_xl` only as the future."""
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    sources = sorted((ROOT / "planmkg_xl").rglob("*.py"))
    offending = []
    for path in docs + sources:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"pip install (-U )?planmkg_xl(?![-\w.*])", line) and not re.search(r"publi", line, re.I):
                offending.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offending == [], "\n".join(offending)
