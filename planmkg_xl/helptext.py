"""Help pages and usage errors for people: in the user's language, one example per line.

Why these classes rather than click's defaults:

- click prints its own words in English (« Usage: », « Options », « Show this message and
  exit. », « Missing argument… »), and a command's help is its docstring, in English. A French
  director must not meet them: every page, option help and click word comes from
  ``manual.HELP`` in the language of ``--lang`` (anywhere on the command line), else of
  ``PLANMKG_LANG`` and the machine's locale (``messages.current_lang``).
- click rewraps a docstring's paragraphs, so two examples written on two lines came out run
  together on one, which nobody can copy. Prose is rewrapped; each example is printed
  verbatim on its own line.

The CLI's groups use these classes, so every command gets them. Usage errors click raises
(missing argument, bad choice…) are said again in the user's language by ``misuse``;
the exit code stays click's (2).
"""
from __future__ import annotations

import inspect
import re
import textwrap

import click

from .manual import HELP
from .messages import current_lang

EXAMPLE = "Example:"  # how an example line starts in the catalogue (shown as ``click:example``)
_METAVAR = re.compile(r"\b(INTEGER RANGE|[A-Z]{2,})\b")
_FRENCH_SPACE = re.compile(r" ([:;?!»])|(«) ")


def tell(key: str, lang: str | None = None, /, **values: object) -> str:
    """The help text ``key`` in ``lang`` (default: the current language), placeholders filled."""
    fr, en = HELP[key]
    return (fr if (lang or current_lang()) == "fr" else en).format(**values)


def typeset(text: str) -> str:
    """French punctuation kept on its word when click wraps a line (« : », « ; », guillemets)."""
    if current_lang() != "fr":
        return text
    return _FRENCH_SPACE.sub(lambda m: f"\u00a0{m.group(1)}" if m.group(1) else f"{m.group(2)}\u00a0", text)


def metavars(text: str) -> str:
    """PATH, FILE, DIRECTORY… in the user's language (``metavar:…`` keys); other words as they are."""
    return _METAVAR.sub(lambda m: tell("metavar:" + m.group(1)) if "metavar:" + m.group(1) in HELP else m.group(1), text)


def lang_asked(args: list[str]) -> str | None:
    """The ``--lang`` given anywhere on the command line (``--lang fr`` or ``--lang=fr``), if any."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else None
        if value in ("fr", "en"):
            return value
    return None


def help_args(args: list[str]) -> list[str]:
    """``args`` without its ``--lang`` when it asks for help: ``planmkg check --help --lang fr`` shows the French
    page even though ``check`` has no ``--lang`` (the page is all the command will do)."""
    end = args.index("--") if "--" in args else len(args)
    if not {"-h", "--help"} & set(args[:end]):
        return args
    out, skip = [], False
    for i, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if i < end and arg == "--lang":
            skip = True
            continue
        if i < end and arg.startswith("--lang="):
            continue
        out.append(arg)
    return out


def split_help(text: str) -> tuple[str, list[str]]:
    """The prose of a help page and its example lines, in order."""
    prose, examples = [], []
    for line in inspect.cleandoc(text or "").splitlines():
        (examples if line.strip().startswith(EXAMPLE) else prose).append(line.strip() if line.strip().startswith(EXAMPLE) else line)
    return "\n".join(prose).strip(), examples


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Paragraphs rewrapped to ``width`` without cutting a word at its hyphen (``--fail-on`` stays whole)."""
    lines: list[str] = []
    for i, para in enumerate(p for p in re.split(r"\n\s*\n", text) if p.strip()):
        if i:
            lines.append("")
        lines += textwrap.wrap(" ".join(para.split(" ")), width, initial_indent=indent, subsequent_indent=indent,
                               break_on_hyphens=False, break_long_words=False) or [indent]
    return lines


class Formatter(click.HelpFormatter):
    """click's formatter, with headings in the user's language (« Options : ») and no line cut at a hyphen."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{tell('click:heading', heading=heading)}\n")

    def write_text(self, text: str) -> None:
        self.write("\n".join(wrap(text, self.width, " " * self.current_indent)) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max(len(first) for first, _ in rows), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class Context(click.Context):
    formatter_class = Formatter


class Command(click.Command):
    """A command whose help page, options and usage line speak the user's language, one example per line."""

    context_class = Context
    parent_group: "Group | None" = None
    help_root = False  # the program itself (``planmkg``): its page is ``cmd:``

    @property
    def help_key(self) -> str:
        """``""`` for the root, ``"new"``, ``"excel setup"``…: where its page is in ``manual.HELP``."""
        if self.parent_group is None:
            return "" if self.help_root else self.name or ""
        return f"{self.parent_group.help_key} {self.name}".strip()

    @property
    def help(self) -> str | None:  # click reads it for the page and the short help of the commands list
        key = "cmd:" + self.help_key
        return tell(key) if key in HELP else self._docstring

    @help.setter
    def help(self, value: str | None) -> None:  # click sets it from the docstring: kept only as a fallback
        self._docstring = value

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = []
        for piece in self.collect_usage_pieces(ctx):
            if piece == self.options_metavar:
                piece = tell("click:options_metavar")
            elif piece == getattr(self, "subcommand_metavar", None):
                piece = tell("click:subcommand_metavar")
            pieces.append(metavars(piece))
        formatter.write_usage(ctx.command_path, " ".join(pieces), tell("click:usage") + " ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prose, examples = split_help(self.help or "")
        if prose:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(typeset(prose))
        if examples:
            formatter.write_paragraph()
            with formatter.indentation():
                for line in examples:
                    line = tell("click:example") + line[len(EXAMPLE):]
                    formatter.write(f"{' ' * formatter.current_indent}{line}\n")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is not None:
                rows.append((metavars(record[0]), typeset(self._option_help(param))))
        if rows:
            with formatter.section(tell("click:options")):
                formatter.write_dl(rows)

    def _option_help(self, param: click.Option) -> str:
        if param.name == "help":
            text = tell("click:help")
        elif param.name == "version":
            text = tell("click:version")
        else:
            key = "opt:" + " ".join(filter(None, (self.help_key, param.opts[0])))
            text = tell(key) if key in HELP else param.help or ""
        extra = []
        if param.show_default and param.default is not None and not param.is_flag:
            default = param.show_default if isinstance(param.show_default, str) else param.default
            extra.append(tell("click:default", default=default))
        if param.required:
            extra.append(tell("click:required"))
        return f"{text}  [{'; '.join(extra)}]" if extra else text


class Group(click.Group, Command):
    """A group whose commands (and sub-groups) are ``Command``s, and whose usage errors speak the user's language."""

    command_class = Command
    group_class = type  # sub-groups made with @group.group() are of this same class

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(cmd, name)
        if isinstance(cmd, Command):
            cmd.parent_group = self

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, cmd) for name in self.list_commands(ctx) if (cmd := self.get_command(ctx, name)) and not cmd.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section(tell("click:commands")):
                formatter.write_dl([(name, typeset(cmd.get_short_help_str(limit))) for name, cmd in commands])

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise misuse(exc) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise misuse(exc) from None


# click's usage errors, most specific first (a hint variant before the bare message); EN texts are click's own
_ERRORS = ("click:invalid_value", "click:invalid_value_bare", "click:missing_argument", "click:missing_option",
           "click:missing_parameter", "click:no_such_option_hint", "click:no_such_option_hints", "click:no_such_option",
           "click:no_such_command_hint", "click:no_such_command_hints", "click:no_such_command", "click:missing_command",
           "click:extra_argument", "click:extra_arguments", "click:no_value", "click:requires_argument",
           "click:requires_arguments", "click:not_one_of", "click:not_in_range", "click:not_number",
           "click:does_not_exist", "click:is_a_file", "click:is_a_directory", "click:not_readable", "click:not_writable",
           "click:not_choice")  # last: « {value} is not {choice}. » would match any « … is not … »


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)) + r"\Z", re.S)


_PATTERNS = [(key, _pattern(HELP[key][1])) for key in _ERRORS]


def said_again(message: str) -> str:
    """One of click's English usage messages in the current language (unknown messages are kept as they are)."""
    if current_lang() == "en":
        return message
    for key, pattern in _PATTERNS:
        m = pattern.match(message)
        if m:
            return tell(key, **{k: said_again(v) if k == "message" else _value(v) for k, v in m.groupdict().items()})
    return message


def _value(text: str) -> str:
    """A value inside click's message: its own words (File, integer) translated, 'quoted' names in guillemets."""
    if "click:" + text.lower() in HELP:
        return tell("click:" + text.lower())
    return re.sub(r"'([^']*)'", lambda m: f"« {metavars(m.group(1))} »", text)


class Misuse(click.UsageError):
    """A usage error (missing argument, unknown option, bad choice…) said in the user's language."""

    def show(self, file=None) -> None:
        stream = file if file is not None else click.get_text_stream("stderr")
        if self.ctx is not None:
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = tell("click:try", command=self.ctx.command_path, option=self.ctx.help_option_names[0]) + "\n"
            click.echo(f"{self.ctx.get_usage()}\n{hint}", file=stream, color=self.ctx.color)
        click.echo(tell("click:error", message=self.message), file=stream)


_HELP_SHOWN = getattr(click.exceptions, "NoArgsIsHelpError", Misuse)  # click >= 8.2


def misuse(exc: click.UsageError) -> click.UsageError:
    """``exc`` said again in the user's language, same context and exit code."""
    if isinstance(exc, (Misuse, _HELP_SHOWN)):  # a group called bare shows its page: already in the user's language
        return exc
    said = Misuse(said_again(exc.format_message()), exc.ctx)
    said.exit_code = exc.exit_code
    return said
