"""Every sentence planmkg says to a person, in French and in English, in one catalogue.

Why one place: a French director must never meet an English sentence, nor an English
one a French sentence — on the command line, in a ribbon message box, on the
Contrôles sheet or in an error. A catalogue keyed by message id lets a test prove
that every id exists in both languages with the same placeholders, and lets the
front ends choose the language once:

1. the workbook's own language, as soon as the workbook has been read;
2. before that (a file that is not a workbook, a missing file), the command's
   ``--lang`` option, then ``PLANMKG_LANG``, then the machine's locale
   (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``); English when none is French.

Labels of sheets, tables and fields are not here: they belong to the model
(``model.fields.Text``), next to the field they name. Rule texts live with their rule.
"""
from __future__ import annotations

import os
import string
from contextvars import ContextVar
from dataclasses import dataclass, field

LANGS = ("fr", "en")

_chosen: ContextVar[str | None] = ContextVar("planmkg_lang_chosen", default=None)  # the user's --lang
_workbook: ContextVar[str | None] = ContextVar("planmkg_lang_workbook", default=None)  # the workbook's language


def system_lang(environ: dict[str, str] | None = None) -> str:
    """The language the machine speaks: 'fr' when its locale is French, else 'en'."""
    env = os.environ if environ is None else environ
    explicit = env.get("PLANMKG_LANG", "").strip().lower()[:2]
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "").strip()
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def current_lang() -> str:
    """The language messages are said in now: the user's --lang, else the workbook's, else the machine's."""
    return _chosen.get() or _workbook.get() or system_lang()


def _valid(lang: str | None) -> str | None:
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def choose_lang(lang: str | None) -> None:
    """The user asked for ``lang`` (``--lang``): it wins over the workbook's language."""
    _chosen.set(_valid(lang))


def learn_lang(lang: str | None) -> None:
    """A workbook in ``lang`` was read: speak its language unless the user chose one."""
    _workbook.set(_valid(lang))


def reset_lang() -> None:
    """Forget both choices (each command starts afresh)."""
    _chosen.set(None)
    _workbook.set(None)


def say(key: str, lang: str | None = None, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), placeholders filled."""
    fr, en = CATALOGUE[key]
    return (fr if (lang or current_lang()) == "fr" else en).format(**values)


@dataclass(frozen=True)
class Msg:
    """A message not said yet: an error raised before anyone knows who will read it.

    ``str()`` says it in the current language, so a ``PlanError`` built from a ``Msg``
    follows the workbook's language if the front end learns it later.
    """

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return say(self.key, **self.values)

    def in_lang(self, lang: str) -> str:
        return say(self.key, lang, **self.values)


def msg(key: str, /, **values: object) -> Msg:
    if key not in CATALOGUE:
        raise KeyError(key)
    return Msg(key, values)


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a catalogue text expects (a test keeps FR and EN equal)."""
    return {name.split("!")[0].split(":")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


# key: (French, English). Keep the two side by side; a test checks both exist with the same placeholders.
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- command line: what was done ---------------------------------------------------------
    "cli.created": ("Créé : {path}", "Created {path}"),
    "cli.wrote": ("Écrit : {path}", "Wrote {path}"),
    "cli.deck_updated": ("Présentation mise à jour : {path} ({n} changement(s)).", "Updated {path}: {n} change(s)."),
    "cli.pages": ("{n} page(s) PNG créée(s) dans {path}", "Created {n} PNG page(s) in {path}"),
    "cli.checked": ("{n} cellules calculées vérifiées dans {path}.", "{n} calculated cells checked in {path}."),
    "cli.repaired": ("{n} cellule(s) calculée(s) réparée(s) :", "{n} calculated cell(s) repaired:"),
    "cli.repair_line": ("  {where} : contenait {was}, formule rétablie", "  {where}: held {was}, formula restored"),
    "cli.repair_empty": ("  {where} : était vide, formule rétablie", "  {where}: was empty, formula restored"),
    "cli.nothing": ("Rien à changer.", "Nothing to change."),
    "cli.checks": ("Contrôles : {summary} (voir l'onglet Contrôles, ou `planmkg check`).",
                   "Checks: {summary} (see the Contrôles sheet, or `planmkg check`)."),
    "cli.error": ("Erreur : {text}", "Error: {text}"),
    "cli.internal": ("Erreur interne (un défaut de planmkg {version}) : {kind} : {text}\n"
                     "Rien n'a été écrit. Relancez avec PLANMKG_DEBUG=1 pour le détail et signalez-le.",
                     "Internal error (a bug in planmkg {version}): {kind}: {text}\n"
                     "Nothing was written. Run again with PLANMKG_DEBUG=1 for details and report it."),
    "cli.xlwings_warning": ("Attention : réglages xlwings non écrits ({text}) ; lancez `planmkg excel setup` plus tard.",
                            "Warning: xlwings settings not written ({text}); run `planmkg excel setup` later."),
    "cli.content_lang": ("Les libellés sont en français ; le contenu du plan ({path}) est en anglais et reste tel quel.",
                         "Labels are in English; the plan's content ({path}) is in French and is kept as it is."),
    # --- the use cases -----------------------------------------------------------------------
    "app.not_xlsm": ("{name} : le classeur doit être un fichier .xlsm (il porte les macros du ruban). Exemple : Plan_Marketing.xlsm.",
                     "{name}: the workbook must be an .xlsm file (it carries the ribbon's macros). Use e.g. Plan_Marketing.xlsm."),
    "app.exists": ("{path} existe déjà. Choisissez un autre nom, ou ajoutez --force pour le remplacer.",
                   "{path} already exists. Choose another name, or pass --force to replace it."),
    "app.cannot_read": ("Impossible de lire {path} : {reason}.", "Cannot read {path}: {reason}."),
    "app.lost_vba": ("{name} a perdu son projet VBA (enregistré en .xlsx puis renommé ?). Reconstruisez-le : "
                     "`planmkg export {name} --json plan.json` puis `planmkg new --from plan.json NOUVEAU.xlsm`.",
                     "{name} has lost its VBA project (saved as .xlsx and renamed?). Rebuild it: "
                     "`planmkg export {name} --json plan.json` then `planmkg new --from plan.json NEW.xlsm`."),
    "app.no_deck": ("{path} n'existe pas : créez d'abord la présentation avec `planmkg deck {name}`.",
                    "{path} does not exist: build the deck first with `planmkg deck {name}`."),
    # --- findings summaries --------------------------------------------------------------------
    "checks.none": ("Aucune incohérence trouvée.", "No incoherence found."),
    "checks.header": ("Gravité|Règle|Message", "Severity|Rule|Message"),
    "checks.rules_title": ("Règles de cohérence ({n})", "Coherence rules ({n})"),
    "checks.definition": ("Définition : {text}", "Definition: {text}"),
    "checks.row": ("ligne {n}", "row {n}"),
    "checks.total": ("total", "total"),
    # --- preview through LibreOffice -----------------------------------------------------------
    "preview.no_soffice": ("LibreOffice n'est pas installé (pas de « soffice » dans le PATH) : installez-le pour les aperçus "
                           "--pdf/--png (Debian/Ubuntu : apt-get install libreoffice-impress-nogui ; Mac : brew install --cask libreoffice). "
                           "La présentation elle-même est écrite.",
                           "LibreOffice is not installed (no 'soffice' on the PATH): install it to get --pdf/--png previews "
                           "(Debian/Ubuntu: apt-get install libreoffice-impress-nogui; Mac: brew install --cask libreoffice). "
                           "The deck itself is written."),
    "preview.timeout": ("LibreOffice n'a pas converti {name} en {seconds} s.", "LibreOffice did not convert {name} within {seconds} s."),
    "preview.failed": ("LibreOffice n'a pas pu convertir {name} en PDF : {detail}", "LibreOffice could not convert {name} to PDF: {detail}"),
    "preview.no_pdftoppm": ("pdftoppm n'est pas installé : installez poppler (« apt-get install poppler-utils » ou « brew install poppler ») "
                            "pour les aperçus --png.",
                            "pdftoppm is not installed: install poppler ('apt-get install poppler-utils' or 'brew install poppler') "
                            "to get --png previews."),
    "preview.png_failed": ("pdftoppm n'a pas pu convertir {name} en images : {detail}", "pdftoppm could not rasterise {name}: {detail}"),
    # --- planmkg excel setup --------------------------------------------------------------------
    "setup.quote": ("xlwings.conf ne peut pas contenir de guillemet droit : {key} = {value}. Utilisez un chemin sans \".",
                    "xlwings.conf cannot hold a double quote: {key} = {value}. Use a path without \"."),
    "setup.udf_windows_only": ("le serveur UDF n'existe que dans Excel pour Windows", "the UDF server exists only in Excel for Windows"),
    "setup.udf_no_pywin32": ("pywin32 (pythoncom) manque : le serveur COM ne peut pas démarrer",
                             "pywin32 (pythoncom) is missing, the COM server cannot start"),
    "setup.udf_store_python": ("un Python du Microsoft Store ne peut pas enregistrer le serveur COM de xlwings de façon fiable",
                               "a Microsoft Store Python cannot register xlwings' COM server reliably"),
    "setup.udf_on": ("Python reste lancé entre deux clics (redémarrez Excel après une mise à jour de planmkg_xl)",
                     "Python stays running between clicks (restart Excel after upgrading planmkg_xl)"),
    "setup.udf_left_off": ("USE UDF SERVER laissé désactivé : {why}.", "USE UDF SERVER left off: {why}."),
    "setup.added": ("{key} : ajout de {value}", "{key}: added {value}"),
    "setup.kept": ("{key} : votre valeur {current} est conservée (planmkg mettrait {value} ; --force pour la remplacer)",
                   "{key}: kept your value {current} (planmkg would set {value}; use --force to replace it)"),
    "setup.was": (" (valait {current})", " (was {current})"),
    "setup.encoding": ("{path} : un chemin des réglages contient des caractères qu'Excel ne peut pas lire dans ce fichier ({reason}). "
                       "Installez Python dans un dossier dont le nom n'a que des lettres simples.",
                       "{path}: a path in the settings has characters Excel cannot read from this file ({reason}). "
                       "Install Python in a folder whose name uses plain letters."),
    "setup.override": ("remarque : {path} fixe {key} = {value}, qui l'emporte sur vos réglages pour les classeurs de ce dossier",
                       "note: {path} sets {key} = {value}, which wins over the user settings for workbooks in that folder"),
    "setup.no_xlwings": ("xlwings n'est pas installé dans ce Python : l'installation de planmkg_xl l'apporte (voir le README).",
                         "xlwings is not installed in this Python: installing planmkg_xl brings it (see the README)."),
    "setup.no_applescript": ("Le script AppleScript de xlwings manque dans {path} : réinstallez xlwings (`pip install --force-reinstall xlwings`).",
                             "xlwings' AppleScript is missing from {path}: reinstall xlwings (`pip install --force-reinstall xlwings`)."),
    "setup.installed": ("{name} installé dans {path} (RunPython sur Mac)", "installed {name} in {path} (RunPython on Mac)"),
    "setup.no_excel": ("Excel ne tourne pas sur {platform} : aucun réglage xlwings écrit (lancez `planmkg excel setup` sur le PC "
                       "Windows ou le Mac qui ouvre le classeur).",
                       "Excel does not run on {platform}: no xlwings settings written (run `planmkg excel setup` on the Windows or Mac "
                       "machine that opens the workbook)."),
    "setup.no_python": ("Impossible de savoir quel Python tourne (sys.executable est vide). Lancez `planmkg excel setup` depuis un Python normal.",
                        "Cannot tell which Python is running (sys.executable is empty). Run `planmkg excel setup` from a normal Python."),
    "setup.nothing": ("Les réglages xlwings désignent déjà ce Python : rien à changer.",
                      "xlwings settings already point at this Python: nothing to change."),
    "setup.cannot_write": ("Impossible d'écrire {path} : {reason}. Vérifiez les droits du dossier.",
                           "Cannot write {path}: {reason}. Check the folder's permissions."),
    # --- cell problems -------------------------------------------------------------------------
    "cells.many": ("{n} cellules à corriger :", "{n} cells to fix:"),
    "cells.more": ("- … et {n} de plus", "- … {n} more"),
}
