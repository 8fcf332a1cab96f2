"""One voice: every message exists in French and English, and no sentence of one language reaches a user of the other.

The language detector is deliberately simple: each language's most frequent small words
and its accents. A French sentence in an English output (or the reverse) almost always
carries one of them; a file path or a number never does.
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from planmkg_xl import app
from planmkg_xl.cli import main
from planmkg_xl.demo import demo_plan
from planmkg_xl.errors import PlanError
from planmkg_xl.messages import CATALOGUE, msg, placeholders, say, system_lang

FRENCH = re.compile(r"[éèêàçùœ]|\b(le|la|les|des|du|est|une|un|et|pour|avec|dans|cellules?|calculées?|créé|écrit|aucune|erreurs?|"
                    r"alertes?|constats?|ligne|voir|onglet|n'est|à)\b", re.IGNORECASE)
ENGLISH = re.compile(r"\b(the|is|and|with|for|of|created|wrote|cells?|checked|errors?|warnings?|found|see|sheet|row|"
                     r"nothing|calculated|no|not|in)\b", re.IGNORECASE)
# words both languages share, or names: removed before looking
NEUTRAL = re.compile(r"(«[^»]*»|\"[^\"]*\"|The CMO Survey|Contrôles|Plan_Marketing\.\w+|planmkg \w+|`[^`]*`|/[^\s]*|[A-Za-z_]+![A-Z]+\d+|infos?|total|Optilog Systèmes|"
                     r"Hugo Lefèvre|Inès Bernard|Événements|Paramètres|Stratégie|Accueil)")


def french_in(text: str) -> list[str]:
    return [line for line in NEUTRAL.sub(" ", text).splitlines() if FRENCH.search(line)]


def english_in(text: str) -> list[str]:
    return [line for line in NEUTRAL.sub(" ", text).splitlines() if ENGLISH.search(line)]


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_in_both_languages_with_the_same_placeholders(key):
    fr, en = CATALOGUE[key]
    assert fr.strip() and en.strip()
    assert placeholders(fr) == placeholders(en), key


def test_the_detector_tells_the_languages_apart():
    for key, (fr, en) in CATALOGUE.items():
        if len(fr.split()) >= 4:
            assert not english_in(NEUTRAL.sub(" ", fr.format_map(_Blank()))) or key.startswith("cli.internal"), (key, fr)
            assert not french_in(en.format_map(_Blank())), (key, en)


class _Blank(dict):
    def __missing__(self, key):
        return "X"


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "fr_FR.UTF-8"}, "fr"), ({"LANG": "en_GB.UTF-8"}, "en"), ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US"}, "fr"),
    ({"LANG": "C.UTF-8"}, "en"), ({}, "en"), ({"PLANMKG_LANG": "fr", "LANG": "en_US"}, "fr"), ({"LANGUAGE": "fr"}, "fr"),
])
def test_system_language_comes_from_the_locale(environ, expected):
    assert system_lang(environ) == expected


def test_an_error_made_before_the_language_is_known_speaks_the_language_chosen_later():
    from planmkg_xl.messages import choose_lang, reset_lang

    err = PlanError(msg("app.exists", path="x.xlsm"))
    try:
        choose_lang("fr")
        assert str(err) == say("app.exists", "fr", path="x.xlsm")
        choose_lang("en")
        assert str(err) == say("app.exists", "en", path="x.xlsm")
    finally:
        reset_lang()


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    out = {}
    for lang in ("fr", "en"):
        path = tmp_path_factory.mktemp(lang) / "Plan_Marketing.xlsm"
        path.write_bytes(app.build_xlsm(demo_plan(lang)))
        out[lang] = path
    return out


def _run(args: list[str], lang_env: str) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args], env={"LANG": lang_env, "LC_ALL": "", "PLANMKG_LANG": ""})
    assert result.exit_code in (0, 1, 2), (args, result.output, result.exception)
    return result.output


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_sentence_of_the_other_language_on_the_demo(lang, workbooks, tmp_path):
    """Every command on the demo in its language; the machine's locale is the OTHER language on purpose."""
    other_locale = "en_US.UTF-8" if lang == "fr" else "fr_FR.UTF-8"
    wb = tmp_path / "Plan_Marketing.xlsm"
    wb.write_bytes(workbooks[lang].read_bytes())
    outputs = [
        _run(["check", wb], other_locale),
        _run(["recompute", wb], other_locale),
        _run(["recompute", wb], other_locale),  # "nothing to change"
        _run(["export", wb, "--json", tmp_path / "plan.json"], other_locale),
        _run(["deck", wb, "--output", tmp_path / "deck.pptx"], other_locale),
        _run(["deck", wb, "--update", tmp_path / "deck.pptx"], other_locale),
        _run(["rules", "--lang", lang], other_locale),
        _run(["new", "--lang", lang, "--from", tmp_path / "plan.json", tmp_path / "again.xlsm"], other_locale),
        _run(["check", tmp_path / "missing.xlsm"], "fr_FR.UTF-8" if lang == "fr" else "en_US.UTF-8"),
        _run(["import", wb, _export(tmp_path), "--dry-run"], other_locale),
        _run(["import", wb, _export(tmp_path)], other_locale),
        _run(["review", wb, "--month", "2026-03", "--no-deck"], other_locale),
    ]
    text = "\n".join(outputs)
    leaks = english_in(text) if lang == "fr" else french_in(text)
    assert leaks == [], "\n".join(leaks[:20])


def _export(folder):
    """A small Brevo campaign report, as the import reads it."""
    from exports import campaigns, write_csv

    headers, rows, _ = campaigns("brevo-campaigns", n=3)
    return write_csv(folder / "brevo.csv", headers, rows)


def test_a_file_level_error_follows_lang_then_the_locale(tmp_path):
    bad = tmp_path / "not_a_workbook.xlsm"
    bad.write_text("hello")
    fr = _run(["check", bad], "fr_FR.UTF-8")
    en = _run(["check", bad], "en_US.UTF-8")
    assert fr != en
    assert french_in(fr) and not english_in(fr), fr
    assert english_in(en) and not french_in(en), en
    chosen = CliRunner().invoke(main, ["new", "--lang", "fr", str(tmp_path / "x.xlsx")], env={"LANG": "en_US.UTF-8"}).output
    assert french_in(chosen) and not english_in(chosen), chosen


def test_new_lang_relabels_a_plan_and_says_its_content_is_in_the_other_language(workbooks, tmp_path):
    from planmkg_xl.io.read import read_workbook

    _run(["export", workbooks["fr"], "--json", tmp_path / "plan.json"], "fr_FR.UTF-8")
    out = _run(["new", "--lang", "en", "--from", tmp_path / "plan.json", tmp_path / "en.xlsm"], "fr_FR.UTF-8")
    assert say("cli.content_lang", "en", path="plan.json") in out
    data = read_workbook(tmp_path / "en.xlsm")
    assert data.layout.lang == "en"
    assert data.plan.scalars["company"] == "Optilog Systèmes"
    assert data.plan.tables["leadgen"][3]["source"] == "Médias sociaux"  # the user's words are kept
    same = _run(["new", "--lang", "fr", "--from", tmp_path / "plan.json", tmp_path / "fr.xlsm"], "fr_FR.UTF-8")
    assert say("cli.content_lang", "fr", path="plan.json") not in same


def test_help_shows_one_example_per_line():
    runner = CliRunner()
    groups = [([], main)]
    seen = 0
    while groups:
        path, group = groups.pop()
        for name, cmd in group.commands.items():
            out = runner.invoke(main, [*path, name, "--help"]).output
            for line in out.splitlines():
                assert line.count("Example:") <= 1, (path, name, line)
                if "Example:" in line:
                    assert line.strip().startswith("Example:"), (path, name, line)
                    seen += 1
            if hasattr(cmd, "commands"):
                groups.append(([*path, name], cmd))
    assert seen >= 10


# --- what the operating system says, in the user's language -------------------------------------------

OS_KEYS = sorted(k for k in CATALOGUE if k.startswith("os.E"))


def test_every_os_reason_names_a_real_errno():
    import errno

    assert {"os.ENOENT", "os.EACCES", "os.EISDIR", "os.ENOSPC"} <= set(OS_KEYS)
    for key in OS_KEYS:
        assert hasattr(errno, key[3:]), key


@pytest.mark.parametrize("key", OS_KEYS)
def test_an_os_reason_is_said_from_the_catalogue_not_from_strerror(key):
    import errno

    from planmkg_xl.messages import os_reason

    code = getattr(errno, key[3:])
    # strerror in the machine's language, the other one on purpose: it must not come through
    exc = OSError(code, "Texte du système qui ne doit pas passer", "plan.csv")
    assert os_reason(exc, "fr") == say(key, "fr") and os_reason(exc, "en") == say(key, "en")
    assert "système qui" not in os_reason(exc, "en")


def test_a_file_locked_by_excel_on_windows_is_said_as_locked():
    from planmkg_xl.messages import os_reason

    exc = PermissionError(13, "Le processus ne peut pas accéder au fichier", "Plan.xlsm")
    exc.winerror = 32  # ERROR_SHARING_VIOLATION: what Windows says when Excel holds the file
    assert os_reason(exc, "en") == say("os.locked", "en")
    assert os_reason(OSError(12345, "?"), "fr") == say("os.other", "fr", code=12345)


def test_an_os_reason_inside_an_error_follows_the_language_chosen_when_it_is_shown():
    from planmkg_xl.messages import choose_lang, os_msg, reset_lang

    err = PlanError(msg("pkg.cannot_read", name="Plan.xlsm", reason=os_msg(FileNotFoundError(2, "No such file", "Plan.xlsm"))))
    try:
        choose_lang("fr")
        assert str(err) == say("pkg.cannot_read", "fr", name="Plan.xlsm", reason=say("os.ENOENT", "fr"))
        choose_lang("en")
        assert str(err) == say("pkg.cannot_read", "en", name="Plan.xlsm", reason=say("os.ENOENT", "en"))
    finally:
        reset_lang()


def test_an_export_that_cannot_be_read_says_why_in_the_users_language(tmp_path):
    from planmkg_xl.errors import SourceError
    from planmkg_xl.sources.read import read_export

    missing = tmp_path / "absent.csv"
    with pytest.raises(SourceError) as caught:
        read_export(missing, lang="fr")
    text = str(caught.value)
    assert str(missing) in text and say("os.ENOENT", "fr") in text
    assert not english_in(text), text


@pytest.mark.parametrize("lang, locale", [("fr", "fr_FR.UTF-8"), ("en", "en_US.UTF-8")])
def test_an_os_error_reaching_the_command_line_is_a_user_error_in_the_users_language(tmp_path, lang, locale):
    """`schema --out` into a folder that does not exist: exit 2, the path, the reason in the user's language."""
    target = tmp_path / "no" / "such" / "folder" / "plan.schema.json"
    result = CliRunner().invoke(main, ["schema", "--out", str(target)], env={"LANG": locale, "LC_ALL": "", "PLANMKG_LANG": ""})
    assert result.exit_code == 2, (result.output, result.exception)
    assert str(target) in result.output and say("os.ENOENT", lang) in result.output
    leaks = english_in(result.output) if lang == "fr" else french_in(result.output)
    assert leaks == [], leaks
    assert "Traceback" not in result.output and "Errno" not in result.output


def test_the_ribbon_says_an_os_error_as_a_user_error():
    from planmkg_xl.excel.ribbon import error_message

    title, text = error_message(IsADirectoryError(21, "Is a directory", "C:/Plans"), "fr")
    assert say("ribbon.error", "fr") in title
    assert "C:/Plans" in text and say("os.EISDIR", "fr") in text and "Is a directory" not in text
