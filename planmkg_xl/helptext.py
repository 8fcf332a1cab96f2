"""Help pages for people: every ``Example:`` line of a command's docstring on a line of its own.

Why: click rewraps a docstring's paragraphs, so two examples written on two lines came
out run together on one ("Example: planmkg new … Example: planmkg new --from …"),
which nobody can copy. These classes keep the prose rewrapped and print each example
verbatim on its own line. The CLI's groups use them, so every command gets them.
"""
from __future__ import annotations

import inspect

import click

EXAMPLE = "Example:"


def split_help(text: str) -> tuple[str, list[str]]:
    """The prose of a docstring and its example lines, in order."""
    prose, examples = [], []
    for line in inspect.cleandoc(text or "").splitlines():
        (examples if line.strip().startswith(EXAMPLE) else prose).append(line.strip() if line.strip().startswith(EXAMPLE) else line)
    return "\n".join(prose).strip(), examples


class Command(click.Command):
    """A command whose help shows one example per line."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prose, examples = split_help(self.help or "")
        if prose:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(prose)
        if examples:
            formatter.write_paragraph()
            with formatter.indentation():
                for line in examples:
                    formatter.write(f"{' ' * formatter.current_indent}{line}\n")


class Group(click.Group, Command):
    """A group whose commands (and sub-groups) are ``Command``s with one example per line."""

    command_class = Command
    group_class = type  # sub-groups made with @group.group() are of this same class

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        Command.format_help_text(self, ctx, formatter)
