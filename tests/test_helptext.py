"""`--help` and usage errors in the user's language: every page, option and click word, French or English.

The language detector is the one of test_messages.py (each language's small words and
accents). What a user types stays as it is in both languages and is removed before
looking: example lines (verbatim commands), option names, choice lists and defaults,
and the command names of the commands list.
"""
from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from planmkg_xl.cli import main
from planmkg_xl.helptext import Command, lang_asked, said_again, tell
from planmkg_xl.manual import HELP
from planmkg_xl.messages import placeholders

from test_messages import english_in, french_in

LOCALE = {"fr": "fr_FR.UTF-8", "en": "en_US.UTF-8"}
TYPED = re.compile(r"(--?[\w-]+(?:/--?[\w-]+)?|\[[^\]]*\|[^\]]*\]|\[(?:par défaut|default)[^\]]*\]|"
                   r"planmkg[\w.]*|xlwings[\w.]*|[\w-]+\.(?:xlsm|pptx|potx|json|csv|toml|md|conf)|UDF MODULES|USE UDF SERVER|"
                   r"INTERPRETER_WIN|SMART|KPI|JSON|CSV|XLSX|TOML|Plan Marketing)")


def _commands(group: click.Group = main, prefix: tuple[str, ...] = ()):
    yield prefix, group
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,), cmd


def _run(args: list[str], env: dict[str, str]):
    return CliRunner().invoke(main, args, env={"LANG": "", "LC_ALL": "", "PLANMKG_LANG": "", **env})


def _prose(output: str, lang: str) -> str:
    """The help page without what the user types as it is (examples, options, values, command names)."""
    lines = []
    example = tell("click:example", lang)
    names = {name for path, _ in _commands() for name in path}
    for line in output.splitlines():
        if line.strip().startswith(example):
            continue
        words = line.split()
        if words and words[0] in names and line.startswith("  ") and not line.startswith("   "):
            line = line.replace(words[0], " ", 1)
        lines.append(TYPED.sub(" ", line))
    return "\n".join(lines)


@pytest.mark.parametrize("key", sorted(HELP))
def test_every_help_text_in_both_languages_with_the_same_placeholders(key):
    fr, en = HELP[key]
    assert fr.strip() and en.strip()
    assert placeholders(fr) == placeholders(en), key
    assert not key.startswith("cmd:") or [line for line in fr.splitlines() if line.startswith("Example:")] == \
        [line for line in en.splitlines() if line.startswith("Example:")], f"{key}: examples are commands, the same in both"


def test_every_command_and_option_has_its_page_in_the_catalogue():
    for path, cmd in _commands():
        assert isinstance(cmd, Command), path
        assert "cmd:" + " ".join(path) in HELP, f"{' '.join(path)}: no help page in manual.HELP"
        for param in cmd.params:
            if isinstance(param, click.Option) and param.name not in ("help", "version"):
                key = "opt:" + " ".join((*path, param.opts[0]))
                assert key in HELP, f"{key}: no help text in manual.HELP"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("how", ["PLANMKG_LANG", "locale", "--lang"])
def test_every_help_page_speaks_one_language(lang, how):
    """Under PLANMKG_LANG, the locale, or --lang anywhere on the line (the machine speaking the other language)."""
    other = "en" if lang == "fr" else "fr"
    for path, _ in _commands():
        if how == "PLANMKG_LANG":
            result = _run([*path, "--help"], {"PLANMKG_LANG": lang, "LANG": LOCALE[other]})
        elif how == "locale":
            result = _run([*path, "--help"], {"LANG": LOCALE[lang]})
        else:
            result = _run([*path, "--help", "--lang", lang], {"LANG": LOCALE[other]})
        assert result.exit_code == 0, (path, result.output)
        assert tell("click:usage", lang) in result.output and tell("click:help", lang) in result.output, (path, result.output)
        prose = _prose(result.output, lang)
        leaks = english_in(prose) if lang == "fr" else french_in(prose)
        assert leaks == [], f"{' '.join(path)} --help in {lang}:\n" + "\n".join(leaks)
        assert (french_in(prose) if lang == "fr" else english_in(prose)), (path, prose)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_help_shows_one_example_per_line_in_both_languages(lang):
    example = tell("click:example", lang)
    seen = 0
    for path, _ in _commands():
        out = _run([*path, "--help"], {"PLANMKG_LANG": lang}).output
        for line in out.splitlines():
            assert line.count(example) <= 1, (path, line)
            if example in line:
                assert line.strip().startswith(example), (path, line)
                assert line.strip()[len(example):].strip().startswith("planmkg "), (path, line)
                seen += 1
    assert seen >= 14


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("args, key", [
    (["new"], "click:missing_argument"),
    (["new", "--lang", "xx", "plan.xlsm"], "click:not_one_of"),
    (["check", "--fail-on", "often", "plan.xlsm"], "click:not_one_of"),
    (["new", "--bogus", "plan.xlsm"], "click:no_such_option"),
    (["bogus"], "click:no_such_command"),
    (["import", "--year", "1800", "a.xlsm", "b.csv"], "click:not_in_range"),
    (["export", "plan.xlsm", "--json"], "click:requires_argument"),
    (["new", "a.xlsm", "b.xlsm"], "click:extra_argument"),
])
def test_a_usage_error_is_said_in_the_users_language(lang, args, key, tmp_path):
    other = "en" if lang == "fr" else "fr"
    result = _run(args, {"PLANMKG_LANG": lang, "LANG": LOCALE[other]})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    error = next(line for line in result.output.splitlines() if line.startswith(tell("click:error", lang, message="")))
    stem = re.split(r"\{\w+\}", HELP[key][0 if lang == "fr" else 1])[0] or re.split(r"\{\w+\}", HELP[key][0 if lang == "fr" else 1])[1]
    assert stem.strip() in error, (error, stem)
    leaks = english_in(TYPED.sub(" ", result.output)) if lang == "fr" else french_in(TYPED.sub(" ", result.output))
    assert leaks == [], result.output


@pytest.mark.parametrize("args", [[], ["excel"]])
def test_a_group_called_bare_shows_its_page_not_an_error(args):
    result = _run(args, {"PLANMKG_LANG": "fr"})
    assert result.output.startswith(tell("click:usage", "fr")), result.output
    assert tell("click:error", "fr", message="") not in result.output and tell("click:commands", "fr") in result.output


def test_a_usage_error_follows_lang_anywhere_on_the_line():
    result = _run(["new", "--lang", "fr", "--bogus", "plan.xlsm"], {"LANG": LOCALE["en"]})
    assert result.exit_code == 2
    assert tell("click:usage", "fr") in result.output and "Option inconnue" in result.output, result.output


@pytest.mark.parametrize("args", [
    ["new"], ["new", "--lang", "xx", "p.xlsm"], ["new", "--bogus", "p.xlsm"], ["new", "--forc", "p.xlsm"], ["new", "--frc", "p.xlsm"],
    ["bogus"], ["chek"], ["import", "--year", "1800", "a", "b"], ["import", "--year", "soon", "a", "b"], ["export", "p.xlsm"],
    ["export", "p.xlsm", "--json"], ["new", "a", "b"], ["new", "a", "b", "c"], ["new", "--from", "/no/such/plan.json", "p.xlsm"],
    ["new", "--from", "/", "p.xlsm"], ["excel", "setup", "--force=yes"],
])
def test_every_usage_error_click_gives_is_matched_and_said_again(args):
    """Click's English error (the locale English) is one the catalogue knows: said in French it changes entirely."""
    from planmkg_xl.messages import choose_lang, reset_lang

    result = _run(args, {"PLANMKG_LANG": "en"})
    assert result.exit_code == 2, result.output
    message = next(line for line in result.output.splitlines() if line.startswith("Error: "))[len("Error: "):]
    try:
        choose_lang("fr")
        french = said_again(message)
    finally:
        reset_lang()
    assert french != message and not english_in(TYPED.sub(" ", french)), (message, french)


def test_an_unknown_message_is_kept_as_it_is():
    from planmkg_xl.messages import choose_lang, reset_lang

    try:
        choose_lang("fr")
        assert said_again("indiquez le classeur") == "indiquez le classeur"
    finally:
        reset_lang()


@pytest.mark.parametrize("argv, expected", [
    (["new", "--lang", "fr", "x"], "fr"), (["deck", "x", "--lang=en"], "en"), (["check", "x"], None),
    (["new", "--lang"], None), (["new", "--", "--lang", "fr"], None), (["new", "--lang", "de"], None),
])
def test_lang_asked_anywhere_on_the_line(argv, expected):
    assert lang_asked(argv) == expected


def test_help_args_drop_lang_only_when_help_is_asked():
    from planmkg_xl.helptext import help_args

    assert help_args(["check", "--help", "--lang", "fr"]) == ["check", "--help"]
    assert help_args(["check", "-h", "--lang=en"]) == ["check", "-h"]
    assert help_args(["new", "--lang", "fr", "x.xlsm"]) == ["new", "--lang", "fr", "x.xlsm"]
    assert help_args(["import", "a.xlsm", "--", "--help", "--lang"]) == ["import", "a.xlsm", "--", "--help", "--lang"]


def test_the_detector_finds_no_other_language_in_any_help_text():
    """Each text on its own (the pages test above sees them rendered; this one sees every text, used or not)."""
    for key, (fr, en) in HELP.items():
        fr_prose = "\n".join(line for line in fr.splitlines() if not line.startswith("Example:"))
        en_prose = "\n".join(line for line in en.splitlines() if not line.startswith("Example:"))
        if len(fr_prose.split()) >= 4:
            assert not english_in(TYPED.sub(" ", fr_prose.format_map(_Blank()))), (key, fr_prose)
            assert not french_in(TYPED.sub(" ", en_prose.format_map(_Blank()))), (key, en_prose)


class _Blank(dict):
    def __missing__(self, key):
        return "X"
