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
    return (fr if (lang or current_lang()) == "fr" else en).format(**values).rstrip()


_WINDOWS_LOCKED = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: Excel holds the file


def os_reason(exc: OSError, lang: str | None = None) -> str:
    """Why the system refused a file, in ``lang`` (default: the current language).

    ``strerror`` speaks the machine's language (« Permission non accordée » on a French
    Linux, Windows' own words on Windows), not the user's: the reason is said from the
    catalogue by ``errno`` instead; the caller keeps the path in its message.
    """
    return os_msg(exc).in_lang(lang or current_lang())


def os_error(exc: OSError, lang: str | None = None) -> str:
    """An OSError no use case turned into a ``PlanError`` (an output folder that vanished, a full disk…):
    the file, the reason in the user's language and what to do — not a traceback, not an internal error."""
    path = exc.filename if exc.filename is not None else exc.filename2
    return say("os.error", lang, path=path if path is not None else "—", reason=os_reason(exc, lang))


def os_msg(exc: OSError) -> "Msg":
    """``os_reason`` not said yet: for an error whose language is known only when it is shown."""
    import errno

    if getattr(exc, "winerror", None) in _WINDOWS_LOCKED:
        return Msg("os.locked")
    name = errno.errorcode.get(exc.errno or 0, "")
    if "os." + name in CATALOGUE:
        return Msg("os." + name)
    if isinstance(exc, PermissionError):
        return Msg("os.EACCES")
    if isinstance(exc, FileNotFoundError):
        return Msg("os.ENOENT")
    return Msg("os.other", {"code": name or exc.errno or type(exc).__name__})


@dataclass(frozen=True)
class Msg:
    """A message not said yet: an error raised before anyone knows who will read it.

    ``str()`` says it in the current language, so a ``PlanError`` built from a ``Msg``
    follows the workbook's language if the front end learns it later.
    """

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.in_lang(current_lang())

    def in_lang(self, lang: str) -> str:
        """Said in ``lang``, and so are the messages it holds (an OS reason inside a file error)."""
        return say(self.key, lang, **{k: v.in_lang(lang) if isinstance(v, Msg) else v for k, v in self.values.items()})


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
    "deck.slide_deleted": ("{title} : slide {name} absente du deck — laissée supprimée",
                           "{title}: slide {name} not in the deck — kept deleted"),
    "deck.shape_deleted": ("{title} : {name} absent de la slide — laissé supprimé", "{title}: {name} not on the slide — kept deleted"),
    "deck.deleted_rule": ("Règle : les slides et formes générées que vous avez supprimées le restent ; pour en récupérer une, "
                          "générez un nouveau deck (planmkg deck CLASSEUR --output nouveau.pptx) et copiez-la depuis celui-ci.",
                          "Rule: generated slides and shapes you deleted stay deleted; to get one back, build a new deck "
                          "(planmkg deck WORKBOOK --output new.pptx) and copy it from there."),
    "deck.title_kept": ("{title} : titre conservé (modifié dans le deck ; la conclusion du plan est maintenant : {conclusion})",
                        "{title}: title kept (changed in the deck; the plan's conclusion is now: {conclusion})"),
    "deck.font_missing": ("Attention : la police « {font} » du modèle n'est pas installée et n'a pas d'équivalent métrique : "
                          "le texte est ajusté avec des largeurs prudentes ; installez-la pour un ajustement exact.",
                          "Warning: the template's font '{font}' is not installed and has no metric-compatible substitute: "
                          "text was fitted with conservative widths; install the font for an exact fit."),
    "deck.title_updated": ("{title} : titre mis à jour", "{title}: title updated"),
    "deck.source_updated": ("{title} : ligne de source mise à jour", "{title}: source line updated"),
    "cli.pages": ("{n} page(s) PNG créée(s) dans {path}", "Created {n} PNG page(s) in {path}"),
    "cli.checks": ("Contrôles : {summary} (voir l'onglet Contrôles, ou `planmkg check`).",
                   "Checks: {summary} (see the Contrôles sheet, or `planmkg check`)."),
    "cli.mapping_written": ("Écrit : {path} — complétez-le, puis passez --mapping {name}.",
                            "Wrote {path} — edit it, then pass --mapping {name}."),
    "cli.error": ("Erreur : {text}", "Error: {text}"),
    "cli.internal": ("Erreur interne (un défaut de planmkg {version}) : {kind} : {text}\n"
                     "Rien n'a été écrit. Relancez avec PLANMKG_DEBUG=1 pour le détail et signalez-le.",
                     "Internal error (a bug in planmkg {version}): {kind}: {text}\n"
                     "Nothing was written. Run again with PLANMKG_DEBUG=1 for details and report it."),
    "cli.xlwings_warning": ("Attention : réglages xlwings non écrits ({text}) ; lancez `planmkg excel setup` plus tard.",
                            "Warning: xlwings settings not written ({text}); run `planmkg excel setup` later."),
    "cli.content_lang": ("Les libellés sont en français ; le contenu du plan ({path}) est en anglais et reste tel quel.",
                         "Labels are in English; the plan's content ({path}) is in French and is kept as it is."),
    # --- planmkg import (cli.py) and the ribbon's Import… (excel/imports.py) ------------------------
    "import.file": ("{name} : {preset} ({kind}), année {year} — {read} lignes lues, {used} utilisées.",
                    "{name}: {preset} ({kind}), year {year} — {read} rows read, {used} used."),
    "import.heads": ("Cellule|Colonne|Avant|Après|Statut", "Cell|Column|Before|After|Status"),
    "import.status_new": ("nouveau", "new"),
    "import.status_replaced": ("remplacé", "replaced"),
    "import.status_conflict": ("CONFLIT (gardé)", "CONFLICT (kept)"),
    "import.unmatched": ("Aucune ligne « {label} » dans {table} ({source}) : ignorée.", "No row « {label} » in {table} ({source}): skipped."),
    "import.grown": ("{table} : agrandi à {n} lignes.", "{table}: grown to {n} rows."),
    "import.conflicts": ("{n} conflit(s) : valeurs saisies gardées. Relancez avec --replace pour les remplacer.",
                         "{n} conflict(s): typed values kept. Run again with --replace to overwrite them."),
    "import.dry_run": ("--dry-run : {n} cellule(s) seraient écrites ; rien n'a été écrit.",
                       "--dry-run: {n} cell(s) would be written; nothing was written."),
    "import.written": ("{n} cellule(s) écrites dans {path} ; calculs et contrôles mis à jour ({summary}).",
                       "{n} cell(s) written to {path}; calculations and checks updated ({summary})."),
    "import.nothing": ("Rien à changer.", "Nothing to change."),
    "import.usage": ("indiquez le classeur du plan et au moins un export : planmkg import PLAN.xlsm FICHIER...",
                     "give the plan workbook and at least one export: planmkg import PLAN.xlsm FILE..."),
    "import.box_file": ("{name} : {kind}, {used}/{read} lignes utilisées", "{name}: {kind}, {used}/{read} rows used"),
    "import.box_written": ("{n} cellule(s) écrite(s).", "{n} cell(s) written."),
    "import.box_conflicts": ("{n} valeur(s) déjà saisie(s) et différente(s) conservée(s) ; `planmkg import --replace` les remplace.",
                             "{n} value(s) already typed and different kept; `planmkg import --replace` replaces them."),
    "import.box_unmatched": ("Sans ligne correspondante : {rows}", "No matching row: {rows}"),
    "import.unavailable": ("Cette version de planmkg ne sait pas encore importer : mettez planmkg_xl à jour.",
                           "This version of planmkg cannot import yet: upgrade planmkg_xl."),
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
    # --- findings (checks/report.py): the verdict, the table, the rule list -------------------------
    "checks.incomplete": ("Plan incomplet : complétez {where} ; sans ces valeurs, les contrôles ne peuvent pas conclure.",
                          "Incomplete plan: fill in {where}; without these values, the checks cannot conclude."),
    "checks.coherent": ("Aucune incohérence trouvée : le plan est cohérent.", "No incoherence found: the plan is coherent."),
    "checks.coherent_remark": ("Aucune incohérence trouvée : le plan est cohérent ({n} remarque).",
                               "No incoherence found: the plan is coherent ({n} remark)."),
    "checks.coherent_remarks": ("Aucune incohérence trouvée : le plan est cohérent ({n} remarques).",
                                "No incoherence found: the plan is coherent ({n} remarks)."),
    "checks.incoherent": ("Le plan n'est pas cohérent : {summary}.", "The plan is not coherent: {summary}."),
    "checks.header": ("Gravité|Règle|Message", "Severity|Rule|Message"),
    "checks.errors": ("erreur|erreurs", "error|errors"),
    "checks.warnings": ("alerte|alertes", "warning|warnings"),
    "checks.infos": ("info|infos", "info|infos"),
    "checks.row": ("ligne {n}", "row {n}"),
    "checks.total": ("total", "total"),
    "checks.rules_title": ("Règles de cohérence ({n})", "Coherence rules ({n})"),
    "checks.rule_line": ("{id}  {severity} : {title}", "{id}  {severity}: {title}"),
    "checks.source": ("Source : {text}", "Source: {text}"),
    "checks.rules_doc": ("Pourquoi, formule et source de chaque règle : {path} (planmkg rules --format markdown).",
                         "Why, formula and source of every rule: {path} (planmkg rules --format markdown)."),
    # --- docs/rules.md (planmkg rules --format markdown) ---------------------------------------------
    "rules.md_title": ("Règles de cohérence", "Coherence rules"),
    "rules.md_generated": ("Généré depuis le registre des règles (`planmkg_xl/checks/registry.py`) par `planmkg rules --format markdown"
                           " --lang {lang}` ; ne pas modifier à la main.",
                           "Generated from the rule registry (`planmkg_xl/checks/registry.py`) by `planmkg rules --format markdown"
                           " --lang {lang}`; do not edit by hand."),
    "rules.md_severity": ("Gravité : une règle « Alerte / Erreur » compare un écart relatif à la bande de tolérance de l'onglet "
                          "Paramètres (`tolerance_ok`, `tolerance_warning`) : rien en deçà de `tolerance_ok`, une alerte jusqu'à "
                          "`tolerance_warning`, une erreur au-delà. Une règle n'émet jamais d'autre gravité que celles listées.",
                          "Severity: a \"Warning / Error\" rule compares a relative gap with the Settings tab's tolerance band "
                          "(`tolerance_ok`, `tolerance_warning`): nothing below `tolerance_ok`, a warning up to `tolerance_warning`, "
                          "an error beyond. A rule never reports a severity other than those listed."),
    "rules.md_count": ("{n} règles.", "{n} rules."),
    "rules.md_head": ("Gravité|Règle", "Severity|Rule"),
    "rules.md_labels": ("Contrôle|Pourquoi|Formule|Source", "Checks|Why|Formula|Source"),
    "rules.md_item": ("- **{label}** : {text}", "- **{label}**: {text}"),
    # --- the Contrôles sheet (io/controls.py) -----------------------------------------------------
    "controls.intro": ("Résultat du dernier « Vérifier la cohérence » (ou de planmkg recompute). Cliquez sur une cellule pour y aller.",
                       "Result of the last Check (or planmkg recompute). Click a cell to go there."),
    "controls.headers": ("Sévérité|Règle|Message|Cellule|Cellule|Cellule|Cellule", "Severity|Rule|Message|Cell|Cell|Cell|Cell"),
    "controls.empty": ("Aucun contrôle lancé : cliquez sur Vérifier la cohérence dans le ruban Plan Marketing.",
                       "No check run yet: click Check in the Plan Marketing ribbon."),
    # --- the deck ----------------------------------------------------------------------------------
    "deck.cut": ("Texte {where} ({n} caractères) coupé à {cap} sur les diapositives ; le classeur le garde en entier.",
                 "Text {where} ({n} characters) cut to {cap} on the slides; the workbook keeps it whole."),
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
    # --- reading a workbook file (before its language is known: --lang, then the locale) ----------
    "pkg.dtd": ("La partie {part} déclare une DTD, ce qu'un classeur ne fait jamais : le fichier n'a pas été écrit par Excel "
                "et il est refusé par sécurité.",
                "The part {part} declares a DTD, which a workbook never does: the file was not written by Excel "
                "and is refused for safety."),
    "pkg.bad_xml": ("La partie {part} du classeur n'est pas du XML valide (ligne {line}, colonne {column}). Le fichier est abîmé : Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                    "The part {part} of the workbook is not valid XML (line {line}, column {column}). The file is damaged: Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.no_part": ("Le classeur n'a pas de partie {part} : ce n'est pas un classeur Excel complet. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                    "The workbook has no part {part}: it is not a complete Excel workbook. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.strict": ("La partie {part} est au format « Open XML strict », que planmkg ne lit pas. Dans Excel : Fichier > Enregistrer "
                   "sous > Classeur Excel prenant en charge les macros (.xlsm), pas « strict ».",
                   "The part {part} is in Strict Open XML, which planmkg does not read. In Excel: File > Save As > Excel Macro-Enabled "
                   "Workbook (.xlsm), not « Strict »."),
    "pkg.namespace": ("La partie {part} n'est pas dans l'espace de noms d'un classeur Excel ({namespace}) : le fichier a été "
                      "écrit ou abîmé par un autre programme. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > "
                      "Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                      "The part {part} is not in an Excel workbook's namespace ({namespace}): the file was written or damaged by "
                      "another program. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.locked": ("{name} est ouvert dans un autre programme (fichier de verrou {lock}). Fermez-le dans Excel ou LibreOffice, "
                   "puis relancez la commande (si aucun programme ne l'a ouvert, supprimez le fichier de verrou {lock} resté là).",
                   "{name} is open in another program (lock file {lock}). Close it in Excel or LibreOffice, then run the command "
                   "again (if no program has it open, delete the leftover lock file {lock})."),
    "pkg.missing": ("{path} n'existe pas. Vérifiez le chemin, ou créez un classeur avec `planmkg new {path}`.",
                    "{path} does not exist. Check the path, or create a workbook with `planmkg new {path}`."),
    "pkg.folder": ("{path} est un dossier, pas un classeur.", "{path} is a folder, not a workbook."),
    "pkg.too_big": ("{name} fait {mb} Mo ; un classeur de plan est bien plus petit et planmkg lit au plus {cap} Mo. "
                    "Retirez les images ou les feuilles inutiles, puis recommencez.",
                    "{name} is {mb} MB; a plan workbook is far smaller and planmkg reads at most {cap} MB. "
                    "Remove pictures or sheets it does not need, then try again."),
    "pkg.cannot_read_locked": ("{name} ne peut pas être lu : un autre programme le tient ou vous n'avez pas les droits ({reason}). "
                               "Fermez-le dans Excel, puis relancez la commande.",
                               "{name} cannot be read: another program holds it or you lack the rights ({reason}). "
                               "Close it in Excel, then run the command again."),
    "pkg.ole": ("{name} est protégé par mot de passe (chiffré) ou est un ancien classeur .xls, que planmkg ne sait pas lire. "
                "Dans Excel, retirez le mot de passe (Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe) "
                "ou enregistrez-le en .xlsm, puis relancez la commande.",
                "{name} is password-protected (encrypted) or an old .xls workbook, which planmkg cannot read. In Excel, remove "
                "the password (File > Info > Protect Workbook > Encrypt with Password) or save it as .xlsm, then run the command again."),
    "pkg.not_zip": ("{name} n'est pas un classeur Excel (.xlsm/.xlsx), ou il est tronqué ou abîmé. "
                    "Restaurez une sauvegarde, ou créez-en un nouveau avec `planmkg new`.",
                    "{name} is not an Excel workbook (.xlsm/.xlsx), or it is truncated or corrupt. "
                    "Restore a backup, or create a new one with `planmkg new`."),
    "pkg.cannot_read": ("{name} ne peut pas être lu ({reason}).", "{name} cannot be read ({reason})."),
    "pkg.not_workbook": ("{name} est un fichier zip mais pas un classeur Excel (pas de xl/workbook.xml).",
                         "{name} is a zip file but not an Excel workbook (no xl/workbook.xml)."),
    "pkg.too_many_parts": ("{name} contient {n} parties ; un classeur en a quelques dizaines (planmkg en lit au plus {cap}). "
                           "Le fichier est abîmé ou n'est pas un classeur. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                           "{name} holds {n} parts; a workbook holds a few dozen (at most {cap} are read). "
                           "The file is damaged or not a workbook. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.duplicate": ("{name} contient deux fois la partie {part}. Excel n'écrit jamais cela (l'une des deux serait perdue "
                      "sans un mot) : le fichier a été abîmé ou fabriqué par un autre outil. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                      "{name} holds the part {part} twice. Excel never writes that (one of the two would be silently lost): "
                      "the file was damaged or built by another tool. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.unsafe_name": ("{name} contient une partie au nom dangereux ({part}, hors du paquet). planmkg la refuse par sécurité. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                        "{name} holds a part with an unsafe name ({part}, outside the package). planmkg refuses it for safety. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.zip_encrypted": ("{name} : la partie {part} est chiffrée dans le zip (ZipCrypto ou AES), ce qu'Excel ne fait jamais. "
                          "Décompressez-la avec son mot de passe et enregistrez de nouveau depuis Excel. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                          "{name}: the part {part} is encrypted inside the zip (ZipCrypto or AES), which Excel never does. "
                          "Unzip it with its password and save it again from Excel. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.compression": ("{name} : la partie {part} est compressée en {method}, ce qu'Excel n'utilise pas et que planmkg ne sait "
                        "pas lire. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                        "{name}: the part {part} is compressed with {method}, which Excel does not use and planmkg cannot read. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.part_too_big": ("{name} : la partie {part} se décompresse en {mb} Mo, au-delà des {cap} Mo que lit planmkg "
                         "(une bombe zip, ou un fichier abîmé). Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                         "{name}: the part {part} inflates to {mb} MB, over the {cap} MB planmkg reads (a zip bomb, or a "
                         "damaged file). Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.ratio": ("{name} : la partie {part} se décompresse {ratio} fois (une bombe zip, ou un fichier abîmé). Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                  "{name}: the part {part} inflates {ratio} times (a zip bomb, or a damaged file). Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.total_too_big": ("{name} se décompresse en plus de {cap} Mo, bien plus qu'un classeur de plan. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                          "{name} inflates to more than {cap} MB, far more than a plan workbook. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.lying_header": ("{name} : la partie {part} est plus grande que ne le dit son en-tête zip : le fichier est abîmé. Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                         "{name}: the part {part} is larger than its zip header says: the file is damaged. Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    "pkg.inflate": ("{name} : la partie {part} ne se décompresse pas : le fichier est abîmé (copie ou "
                    "téléchargement incomplet). Ouvrez-le dans Excel et enregistrez-le de nouveau (Fichier > Enregistrer sous > .xlsm), ou restaurez une sauvegarde.",
                    "{name}: the part {part} cannot be decompressed: the file is damaged (a bad copy or "
                    "download). Open it in Excel and save it again (File > Save As > .xlsm), or restore a backup."),
    # --- the workbook's structure (io/sheets.py) ----------------------------------------------------
    "book.no_sheet": ("L'onglet « {sheet} » est introuvable (supprimé ?). Le plan en a besoin : restaurez-le depuis une sauvegarde, "
                      "ou reconstruisez le classeur avec `planmkg export` puis `planmkg new --from`.",
                      "The sheet « {sheet} » is missing (deleted?). The plan needs it: restore it from a backup, "
                      "or rebuild the workbook with `planmkg export` then `planmkg new --from`."),
    "book.no_table": ("Onglet « {sheet} » : le tableau Excel « {table} » est introuvable (renommé ou converti en plage ?). "
                      "Redonnez-lui le nom {table} (Création de tableau > Nom du tableau), ou restaurez l'onglet.",
                      "Sheet « {sheet} »: the Excel table « {table} » is missing (renamed or converted to a range?). "
                      "Rename it back to {table} (Table Design > Table Name), or restore the sheet."),
    "book.no_name": ("La cellule nommée « {key} » ({label}) est introuvable. Recréez-la (Formules > Gestionnaire de noms) "
                     "ou reconstruisez le classeur avec `planmkg export` puis `planmkg new --from`.",
                     "The named cell « {key} » ({label}) is missing. Restore it (Formulas > Name Manager) "
                     "or rebuild the workbook with `planmkg export` then `planmkg new --from`."),
    "book.name_sheet": ("La cellule nommée « {key} » désigne l'onglet « {sheet} », qui n'existe pas (renommé hors d'Excel ?). "
                        "Corrigez-la dans Formules > Gestionnaire de noms, ou ouvrez et enregistrez le classeur dans Excel.",
                        "The named cell « {key} » points at the sheet « {sheet} », which does not exist (renamed outside Excel?). "
                        "Fix it in Formulas > Name Manager, or open and save the workbook in Excel."),
    "book.name_not_cell": ("La cellule nommée « {key} » désigne {target}, pas une cellule. Corrigez-la dans Formules > "
                           "Gestionnaire de noms.",
                           "The named cell « {key} » points at {target}, not at one cell. Fix it in Formulas > Name Manager."),
    "book.bad_range": ("Onglet « {sheet} », tableau {table} : sa plage {ref} n'est pas une plage de cellules. Le fichier est "
                       "endommagé : ouvrez-le dans Excel et enregistrez-le, ou restaurez une sauvegarde.",
                       "Sheet « {sheet} », table {table}: its range {ref} is not a cell range. The file is damaged: "
                       "open it in Excel and save it again, or restore a backup."),
    "book.too_many_rows": ("Onglet « {sheet} », tableau {table} : sa plage {ref} compte {n} lignes ; planmkg en lit au plus {cap} "
                           "par tableau. Redimensionnez le tableau (Création de tableau > Redimensionner).",
                           "Sheet « {sheet} », table {table}: its range {ref} has {n} rows; planmkg reads at most {cap} per table. "
                           "Resize the table (Table Design > Resize Table)."),
    "book.no_columns": ("Onglet « {sheet} », tableau {table} : colonne(s) {labels} introuvable(s) (renommée(s) ou supprimée(s) ?). "
                        "Rétablissez exactement le texte de l'en-tête.",
                        "Sheet « {sheet} », table {table}: column(s) {labels} not found (renamed or deleted?). "
                        "Restore the header text exactly."),
    "book.no_table_part": ("Le tableau Excel {table} n'a pas de partie de tableau : le classeur est abîmé. Ouvrez-le dans Excel "
                           "et enregistrez-le de nouveau.",
                           "The Excel table {table} has no table part: the workbook is damaged. Open it in Excel and save it again."),
    "book.shared_text": ("cellule {cell} : elle renvoie au texte partagé n° {index}, que le fichier ne contient pas (le classeur est "
                         "abîmé). Ouvrez-le dans Excel et enregistrez-le de nouveau, ou retapez la cellule.",
                         "cell {cell}: it refers to shared text n° {index}, which the file does not hold (the workbook is damaged). "
                         "Open it in Excel and save it again, or retype the cell."),
    "book.bad_address": ("Onglet « {sheet} » ({part}) : une cellule n'a pas d'adresse valide (r={ref}) ; Excel en écrit toujours "
                         "une, le fichier a donc été produit ou abîmé par un autre programme. Ouvrez-le dans Excel et "
                         "enregistrez-le de nouveau.",
                         "Sheet « {sheet} » ({part}): a cell has no valid address (r={ref}); Excel always writes one, so the file "
                         "was made or damaged by another program. Open it in Excel and save it again."),
    "book.names_sheet": ("Des cellules nommées désignent un onglet « {sheet} » qui n'existe pas. Corrigez-les dans Formules > "
                         "Gestionnaire de noms.",
                         "Named cells point at a sheet « {sheet} » that does not exist. Fix them in Formulas > Name Manager."),
    # --- the deck's template and the deck to update (deck/render.py) ------------------------------------
    "deck.bad_template": ("{path} : ce n'est pas un fichier PowerPoint utilisable comme modèle ({detail}). Enregistrez-le depuis "
                          "PowerPoint en .pptx ou .potx, puis recommencez.",
                          "{path}: not a PowerPoint file we can use as a template ({detail}). Save it from PowerPoint as .pptx "
                          "or .potx and try again."),
    "deck.no_title_layout": ("{path} : aucune de ses dispositions n'a d'espace réservé de titre ; ajoutez une disposition "
                             "« Titre seul ».",
                             "{path}: none of its layouts has a title placeholder; add a « Title Only » layout."),
    "deck.bad_update": ("la présentation à mettre à jour n'est pas un fichier PowerPoint lisible ({detail}).",
                        "the deck to update is not a PowerPoint file we can read ({detail})."),
    # --- planmkg excel repair ------------------------------------------------------------------------
    "repair.windows_only": ("`planmkg excel repair` demande Excel pour Windows (il fait réimporter le VBA par Excel lui-même). "
                            "Sur ce système, reconstruisez plutôt le classeur : `planmkg export CLASSEUR.xlsm --json plan.json` "
                            "puis `planmkg new --from plan.json NOUVEAU.xlsm`.",
                            "`planmkg excel repair` needs Excel for Windows (it asks Excel itself to re-import the VBA). "
                            "On this system, rebuild the workbook instead: `planmkg export BOOK.xlsm --json plan.json` "
                            "then `planmkg new --from plan.json NEW.xlsm`."),
    "repair.trust": ("Excel refuse l'accès au projet VBA du classeur : activez Fichier > Options > Centre de gestion de la "
                     "confidentialité > Paramètres du Centre de gestion de la confidentialité > Paramètres des macros > "
                     "« Accès approuvé au modèle d'objet du projet VBA », puis relancez `planmkg excel repair` (vous pourrez "
                     "le désactiver ensuite).",
                     "Excel refuses access to the workbook's VBA project: turn on File > Options > Trust Center > "
                     "Trust Center Settings > Macro Settings > \"Trust access to the VBA project object model\", "
                     "then run `planmkg excel repair` again (you may turn it off afterwards)."),
    "repair.reimported": ("module {name} réimporté", "re-imported {name}"),
    "repair.typelib": ("référence à la bibliothèque de types Office ajoutée (IRibbonControl)",
                       "added the Office type library reference (IRibbonControl)"),
    "repair.done": ("Réparé : {path}", "Repaired {path}"),
    "repair.not_xlsm": ("{path} : ce n'est pas un classeur .xlsm. Indiquez le chemin du classeur du plan, par exemple "
                        "Plan_Marketing.xlsm.",
                        "{path}: not an .xlsm workbook. Give the path of the plan workbook, e.g. Plan_Marketing.xlsm."),
    # --- what the operating system refused, reaching the command line -----------------------------------
    "os.error": ("{path} : {reason}. Vérifiez le chemin et les droits sur le fichier, puis relancez la commande.",
                     "{path}: {reason}. Check the path and the file's permissions, then run the command again."),
    # --- planmkg review (app.py) ------------------------------------------------------------------
    "app.month_year": ("--month {month} : le plan porte sur {year} (Paramètres › Année du plan). Donnez un mois de {year}, "
                       "par exemple {year}-09.",
                       "--month {month}: the plan is for {year} (Settings › Plan year). Give a month of {year}, for example {year}-09."),
    "app.month_format": ("--month {month} : attendu un mois au format AAAA-MM, par exemple 2026-09.",
                         "--month {month}: expected a month as YYYY-MM, for example 2026-09."),
    "app.review_pptx": ("{name} : la revue est une présentation .pptx. Choisissez par exemple Revue.pptx.",
                        "{name}: the review is a .pptx deck. Choose e.g. Review.pptx."),
    "app.review_exists": ("{path} existe déjà. Choisissez un autre nom (--output) ou ajoutez --force pour le remplacer.",
                          "{path} already exists. Choose another name (--output), or pass --force to replace it."),
    # --- reading a JSON plan ---------------------------------------------------------------------
    "json.too_big_file": ("{source} fait {mb} Mo ; un fichier de plan fait quelques ko et planmkg en lit au plus {cap} Mo. "
                          "Est-ce le bon fichier ?",
                          "{source} is {mb} MB; a plan file is a few kB and at most {cap} MB are read. Is it the right file?"),
    "json.utf16": ("{source} est encodé en UTF-16, pas en UTF-8. Enregistrez-le de nouveau en UTF-8 (éditeur de texte : "
                   "Enregistrer sous > Encodage : UTF-8).",
                   "{source} is encoded in UTF-16, not UTF-8. Save it again as UTF-8 (in a text editor: Save as > Encoding: UTF-8)."),
    "json.binary": ("{source} est un fichier binaire, pas un plan JSON. Un fichier de plan est du JSON UTF-8 : exportez-le avec "
                    "`planmkg export`.",
                    "{source} is a binary file, not a JSON plan. A plan file is UTF-8 JSON: export it with `planmkg export`."),
    "json.not_utf8": ("{source} n'est pas en UTF-8 (octet {byte} à la position {offset} : latin-1 ou Windows-1252 ?). Un fichier de "
                      "plan est du JSON UTF-8 : enregistrez-le de nouveau en UTF-8, ou exportez-le avec `planmkg export`.",
                      "{source} is not UTF-8 (byte {byte} at offset {offset}: latin-1 or Windows-1252?). A plan file is UTF-8 "
                      "JSON: save it again as UTF-8, or export it with `planmkg export`."),
    "json.too_big": ("{source} est trop gros pour un fichier de plan (plus de {cap} Mo).",
                     "{source} is too large for a plan file (more than {cap} MB)."),
    "json.deep": ("{source} imbrique des crochets sur plus de {depth} niveaux ; un fichier de plan en a 4. Est-ce le bon fichier ?",
                  "{source} nests brackets more than {depth} deep; a plan file nests 4 deep. Is it the right file?"),
    "json.invalid": ("{source} n'est pas du JSON valide : erreur ligne {line}, colonne {column}.",
                     "{source} is not valid JSON: error at line {line}, column {column}."),
    "json.not_plan": ("{source} n'est pas un plan JSON ({detail}).", "{source} is not a JSON plan ({detail})."),
    "json.top_level": ("{source} : le niveau supérieur doit être un objet avec 'lang', 'scalars' et 'tables'.",
                       "{source}: the top level must be an object with 'lang', 'scalars' and 'tables'."),
    "json.not_object": ("{source} : '{key}' doit être un objet ({{…}}), pas {kind} (voir docs/plan.schema.json).",
                        "{source}: '{key}' must be an object ({{…}}), not {kind} (see docs/plan.schema.json)."),
    "json.too_many_rows": ("{source} : tables.{table} a {n} lignes ; un tableau en contient au plus {cap} (README, Limites). "
                           "Découpez le plan ou résumez les lignes.",
                           "{source}: tables.{table} has {n} rows; a table holds at most {cap} (README, Limits). "
                           "Split the plan or summarise the rows."),
    "json.schema": ("{source} ne suit pas le schéma des plans (voir docs/plan.schema.json) :\n{problems}",
                    "{source} does not follow the plan schema (see docs/plan.schema.json):\n{problems}"),
    # one problem of a JSON plan, listed under json.schema ({where} is the JSON path, as the file writes it)
    "json.p_unknown_key": ("{where} : clé inconnue", "{where}: unknown key"),
    "json.p_version": ("schema_version {version} n'est pas {current} (ni une version antérieure que cette version lit : {readable})",
                       "schema_version {version} is not {current} (or an earlier version this release reads: {readable})"),
    "json.p_lang": ("lang doit valoir {langs}, pas {value}", "lang must be one of {langs}, not {value}"),
    "json.p_unknown_input": ("{where} : saisie inconnue (les valeurs calculées ne sont pas enregistrées)",
                             "{where}: unknown input (derived values are not stored)"),
    "json.p_unknown_table": ("{where} : tableau inconnu", "{where}: unknown table"),
    "json.p_not_rows": ("{where} : doit être une liste de lignes", "{where}: must be a list of rows"),
    "json.p_not_object": ("{where} : doit être un objet", "{where}: must be an object"),
    "json.p_unknown_field": ("{where} : champ de saisie inconnu", "{where}: unknown input field"),
    "json.p_percent_row": ("{where} : {value} est sur une ligne en % : une part entre 0 et 1 (0,45 pour 45 %)",
                           "{where}: {value} is on a % row: a share between 0 and 1 (0.45 for 45 %)"),
    "json.p_long": ("{where} : un texte de {n} caractères ; une cellule Excel en contient au plus 32 767",
                    "{where}: a text of {n} characters; an Excel cell holds at most 32 767"),
    "json.p_control": ("{where} : le texte contient un caractère de contrôle ({v}) qu'Excel ne peut pas garder",
                       "{where}: the text holds a control character ({v}) Excel cannot keep"),
    "json.p_date": ("{where} : {value} n'est pas une date ISO (AAAA-MM-JJ)", "{where}: {value} is not an ISO date (YYYY-MM-DD)"),
    "json.p_choice": ("{where} : {value} ne fait pas partie de : {choices}", "{where}: {value} is not one of {choices}"),
    "json.p_number": ("{where} : {value} n'est pas un nombre", "{where}: {value} is not a number"),
    "json.p_excel_number": ("{where} : {value} n'est pas un nombre qu'Excel peut enregistrer (fini, entre ±9,99e307)",
                            "{where}: {value} is not a number Excel can store (finite, within ±9.99e307)"),
    "json.p_negative": ("{where} : {value} est négatif", "{where}: {value} is negative"),
    "json.p_share": ("{where} : {value} est une part entre 0 et 1 (0,45 pour 45 %)",
                     "{where}: {value} is a share between 0 and 1 (0.45 for 45 %)"),
    "json.p_text": ("{where} : {value} n'est pas un texte", "{where}: {value} is not a text"),
    # --- where an output goes ----------------------------------------------------------------------
    "out.is_input": ("{path} est aussi le fichier d'entrée : écrire là le remplacerait. Choisissez un autre nom (par exemple {example}).",
                     "{path} is also the input file: writing there would replace it. Choose another output name (e.g. {example})."),
    "out.wrong_kind": ("{name} a l'extension {suffix}, mais ce fichier de sortie doit être en {wanted} (par exemple {example}).",
                       "{name} has the extension {suffix}, but this output must be {wanted} (e.g. {example})."),
    "out.folder": ("{path} est un dossier : donnez un nom de fichier (par exemple {example}).",
                   "{path} is a folder: give a file name (e.g. {example})."),
    "out.exists": ("{path} existe déjà. Choisissez un autre nom, ou ajoutez --force pour le remplacer. {hint}",
                   "{path} already exists. Choose another name, or pass --force to replace it. {hint}"),
    "out.hint_demo": ("(planmkg demo écrit un classeur et sa présentation.)", "(planmkg demo writes a workbook and its deck.)"),
    "out.hint_update": ("Pour rafraîchir une présentation que vous avez retouchée, en gardant vos retouches : "
                        "`planmkg deck {workbook} --update {deck}`.",
                        "To refresh a deck you edited, keeping your edits: `planmkg deck {workbook} --update {deck}`."),
    "out.read_only": ("{path} est en lecture seule : planmkg ne le remplace pas. Rendez-le modifiable (propriétés du fichier) "
                      "ou choisissez un autre nom.",
                      "{path} is read-only: planmkg does not replace it. Make it writable (file properties) or choose another name."),
    "out.read_only_in_place": ("{name} est en lecture seule : planmkg ne le modifie pas. Rendez-le modifiable (propriétés du "
                               "fichier, ou `chmod u+w`), ou écrivez le résultat ailleurs avec --output.",
                               "{name} is read-only: planmkg does not change it. Make it writable (file properties, or "
                               "`chmod u+w`), or write the result elsewhere with --output."),
    "out.folder_not_writable": ("Impossible d'écrire dans le dossier {path} ({reason}). Choisissez un dossier où vous pouvez écrire.",
                                "Cannot write in the folder {path} ({reason}). Choose a folder you can write to."),
    "out.locked": ("{name} ne peut pas être écrit : un autre programme le tient ou vous n'avez pas les droits. Fermez-le dans "
                   "Excel, puis relancez la commande. Rien n'a été modifié.",
                   "{name} cannot be written: another program holds it or you lack the rights. Close it in Excel, then run "
                   "the command again. Nothing was changed."),
    "out.cannot_write": ("{name} ne peut pas être écrit ({reason}) : vérifiez l'espace disque et le dossier, puis relancez la "
                         "commande. Rien n'a été modifié.",
                         "{name} cannot be written ({reason}): check the disk space and the folder, then run the command "
                         "again. Nothing was changed."),
    # --- the recompute report (io/repair_report.py) -----------------------------------------------  # key: (fr, en)
    "recompute.checked": ("{n} cellules calculées vérifiées dans {path}.", "{n} calculated cells checked in {path}."),
    "recompute.nothing": ("Rien à changer.", "Nothing to change."),
    "recompute.extended": ("{n} formule(s) étendue(s) aux lignes ajoutées ou au tableau agrandi.",
                 "{n} formula(s) extended to added rows or a grown table."),
    "recompute.repaired": ("{n} cellule(s) calculée(s) réparée(s) (formule effacée ou remplacée, rétablie).",
                 "{n} calculated cell(s) repaired (formula deleted or overwritten, restored)."),
    "recompute.refused": ("{n} cellule(s) laissée(s) telle(s) quelle(s) : recompute ne peut pas être sûr qu'elles ne sont pas saisies.",
                "{n} cell(s) left alone: recompute cannot be sure they were not typed."),
    "recompute.more": ("(détail : --verbose)", "(details: --verbose)"),
    "recompute.line_extended": ("  {where} : formule étendue", "  {where}: formula extended"),
    "recompute.line_repaired": ("  {where} : contenait {was}, formule rétablie", "  {where}: held {was}, formula restored"),
    "recompute.line_cleared": ("  {where} : était vide, formule rétablie", "  {where}: was empty, formula restored"),
    "recompute.line_refused": ("  {where} : {reason}", "  {where}: {reason}"),
    "recompute.and_more": ("  … et {n} autre(s)", "  … and {n} more"),
  # Refusal.reason: (fr, en)
    "refusal.beyond": ("au-delà de la dernière ligne ou colonne d'Excel ; corrigez le nom ou la plage du tableau",
               "beyond Excel's last row or column; fix the name or the table's range"),
    "refusal.overlap": ("c'est aussi une cellule de saisie (tableaux ou noms déplacés l'un sur l'autre) ; corrigez les plages",
                "it is also an input cell (tables or names moved onto each other); fix the ranges"),
    "refusal.table_range": ("la plage du tableau contient sa ligne Total (lignes supprimées ?) ; redimensionnez le tableau "
                    "(Création de tableau > Redimensionner) puis relancez",
                    "the table's range holds its Total row (rows deleted?); resize the table (Table Design > Resize Table), "
                    "then run again"),
    "refusal.total_row": ("la ligne Total n'est pas sous le tableau (lignes insérées au-dessus, plage réduite ?) ; "
                  "redimensionnez le tableau pour qu'il finisse juste au-dessus de « Total »",
                  "the Total row is not right under the table (rows inserted above it, range shrunk?); resize the table "
                  "so it ends just above « Total »"),
    "refusal.input_format": ("cellule au format de saisie (déverrouillée) : si elle doit être calculée, rendez-lui le format "
                     "d'une cellule calculée puis relancez",
                     "input-cell format (unlocked): if it must be calculated, give it a calculated cell's format, then run again"),
    "refusal.other_format": ("elle contient une saisie et n'a pas le format d'une cellule calculée (nom déplacé ?) ; vérifiez "
                     "Formules > Gestionnaire de noms",
                     "it holds typed content and is not formatted like a calculated cell (a name moved?); check Formulas > "
                     "Name Manager"),
    "refusal.array": ("fait partie d'une formule matricielle ; supprimez la matrice si la cellule doit être calculée",
              "part of an array formula; delete the array if the cell must be calculated"),
    "refusal.shared": ("sa formule est recopiée dans des cellules de saisie ; retapez ces cellules",
               "its formula is shared with input cells; retype those cells"),
    # --- the ribbon's message boxes (excel/ribbon.py) ------------------------------------------------
    "ribbon.error": ("Erreur", "Error"),
    "ribbon.bug": ("Erreur interne", "Internal error"),
    "ribbon.unknown": ("Le bouton « {id} » est inconnu de planmkg {v} : le classeur et le module Python ne sont pas de la même version. "
                "Mettez planmkg_xl à jour, puis lancez `planmkg excel repair CLASSEUR.xlsm`.",
                "The button “{id}” is unknown to planmkg {v}: the workbook and the Python package are not the same version. "
                "Upgrade planmkg_xl, then run `planmkg excel repair WORKBOOK.xlsm`."),
    "ribbon.bug_text": ("Erreur interne (un bogue de planmkg {v}) : {kind}: {msg}\nRien n'a été écrit. Relancez avec PLANMKG_DEBUG=1 "
                 "pour les détails et signalez-le.",
                 "Internal error (a bug in planmkg {v}): {kind}: {msg}\nNothing was written. Run again with PLANMKG_DEBUG=1 "
                 "for details and report it."),
    "ribbon.checked": ("{n} cellules calculées vérifiées.", "{n} calculated cells checked."),
    "ribbon.repaired": ("{n} cellule(s) calculée(s) réparée(s) :", "{n} calculated cell(s) repaired:"),
    "ribbon.repair_line": ("  {sheet}!{cell} : contenait {was}, formule rétablie", "  {sheet}!{cell}: held {was}, formula restored"),
    "ribbon.checks": ("Contrôles : {verdict}", "Checks: {verdict}"),
    "ribbon.nothing": ("Rien à changer.", "Nothing to change."),
    "ribbon.findings": ("{n} constat(s) : {detail}.", "{n} finding(s): {detail}."),
    "ribbon.more": ("… et {n} de plus (voir `planmkg check`).", "… and {n} more (see `planmkg check`)."),
    "ribbon.wrote": ("Écrit : {path}", "Wrote {path}"),
    "ribbon.deck_built": ("Présentation créée : {path}", "Deck written: {path}"),
    "ribbon.deck_updated": ("Présentation mise à jour : {path}", "Deck updated: {path}"),
    "ribbon.no_folder": ("Le dossier local de ce classeur OneDrive/SharePoint est introuvable ({url}).\n"
                  "Enregistrer dans Documents ({docs}) ?\n\nPour enregistrer à côté du classeur, indiquez le dossier "
                  "synchronisé dans xlwings.conf (ONEDRIVE_CONSUMER_WIN, ONEDRIVE_COMMERCIAL_WIN ou SHAREPOINT_WIN ; voir docs/excel.md).",
                  "The local folder of this OneDrive/SharePoint workbook cannot be found ({url}).\n"
                  "Save in Documents ({docs}) instead?\n\nTo save next to the workbook, give the synced folder "
                  "in xlwings.conf (ONEDRIVE_CONSUMER_WIN, ONEDRIVE_COMMERCIAL_WIN or SHAREPOINT_WIN; see docs/excel.md)."),
    "ribbon.cancelled": ("Annulé : rien n'a été écrit.", "Cancelled: nothing was written."),
    "ribbon.locked": ("{path} est ouvert dans un autre programme (PowerPoint ?). Fermez-le, puis recommencez.",
               "{path} is open in another program (PowerPoint?). Close it, then try again."),
    "ribbon.pick": ("Exports à importer (CRM, analytics, emailing, factures…)", "Exports to import (CRM, analytics, emailing, invoices…)"),
    "ribbon.no_dialog": ("Pas de boîte de dialogue de fichiers disponible ici. Importez en ligne de commande : planmkg import CLASSEUR.xlsm EXPORT.csv",
                  "No file dialog available here. Import from the command line: planmkg import WORKBOOK.xlsm EXPORT.csv"),
    "ribbon.reviewed": ("Revue à fin {month} : {behind} KPI en retard sur {n}.\nPrésentation : {path}",
                 "Review at the end of {month}: {behind} of {n} KPIs behind.\nDeck: {path}"),
    "ribbon.help": ("Boutons de l'onglet Plan Marketing :\n"
             "• Recalculer : rétablit les formules des cellules calculées (les saisies ne sont jamais modifiées).\n"
             "• Vérifier la cohérence : entonnoir, budget, objectifs…\n"
             "• Importer… : remplit les onglets depuis vos exports (CSV, XLSX).\n"
             "• Revue mensuelle : chaque KPI face à son rythme, prévision de fin d'année, présentation de revue.\n"
             "• Générer / Mettre à jour la présentation : un .pptx à côté du classeur.\n"
             "• Exporter (JSON) : le plan en JSON à côté du classeur.\n\n"
             "Mêmes commandes en ligne : planmkg recompute | check | deck | import | review | export.\nGuide : {url}",
             "Buttons of the Plan Marketing tab:\n"
             "• Recompute: restores the formulas of calculated cells (inputs are never changed).\n"
             "• Check: funnel, budget, objectives…\n"
             "• Import…: fills the tabs from your exports (CSV, XLSX).\n"
             "• Monthly review: each KPI against its pace, year-end forecast, review deck.\n"
             "• Build / Update deck: a .pptx next to the workbook.\n"
             "• Export: the plan as JSON next to the workbook.\n\n"
             "Same commands on the command line: planmkg recompute | check | deck | import | review | export.\nGuide: {url}"),
    "ribbon.sheet_password": ("La feuille « {sheet} » est protégée par un mot de passe : le ruban ne peut pas y écrire. "
                              "Ôtez la protection (Révision > Ôter la protection de la feuille), cliquez à nouveau, puis reprotégez-la. "
                              "Rien n'a été écrit.",
                              "The sheet “{sheet}” is protected with a password, so the ribbon cannot write to it. "
                              "Unprotect it (Review > Unprotect Sheet), click again, then protect it again. Nothing was written."),
    "ribbon.cells_merged": ("Les cellules {sheet}!{address} sont fusionnées avec d'autres : Excel ne peut pas écrire dans une partie "
                            "d'une cellule fusionnée. Annulez la fusion (Accueil > Fusionner et centrer), puis cliquez à nouveau. "
                            "Rien n'a été écrit dans ces cellules.",
                            "The cells {sheet}!{address} are merged with others: Excel cannot write into part of a merged cell. "
                            "Unmerge them (Home > Merge & Center), then click again. Nothing was written to these cells."),
    # --- planmkg review ------------------------------------------------------------------------------
    "review.title": ("Revue à fin {month}", "Review at the end of {month}"),
    "review.heads": ("KPI|Réalisé|Attendu|Écart|Fin d'année|Cible|Statut", "KPI|Actual|Expected|Gap|Year end|Target|Status"),
    "review.status_ahead": ("en avance", "ahead"),
    "review.status_on_track": ("dans le rythme", "on pace"),
    "review.status_behind": ("EN RETARD", "BEHIND"),
    "review.status_no_actuals": ("pas de réalisé", "no actuals"),
    "review.status_no_target": ("pas de cible", "no target"),
    "review.budget": ("Budget : {kpi} — {actual} / {target}", "Budget: {kpi} — {actual} / {target}"),
    "review.behind": ("{behind} KPI en retard sur {n}.", "{behind} of {n} KPIs behind."),
    # --- reading an export (sources/read.py) --------------------------------------------------------
    "src.cannot_read": ("Impossible de lire {path} : {reason}.", "Cannot read {path}: {reason}."),
    "src.not_file": ("{path} n'est pas un fichier : indiquez un export CSV ou XLSX.", "{path} is not a file: name a CSV or XLSX export."),
    "src.too_big": ("{name} fait {mb} Mo : au-delà de {cap} Mo, un export n'est pas importé (est-ce le bon fichier ?). "
                    "Exportez seulement l'année et les colonnes utiles, ou découpez le fichier.",
                    "{name} is {mb} MB: above {cap} MB an export is not imported (is it the right file?). "
                    "Export only the year and the columns needed, or split the file."),
    "src.empty": ("{name} est vide : exportez à nouveau les données.", "{name} is empty: export the data again."),
    "src.no_header": ("{name} n'a pas de ligne d'en-têtes : exportez à nouveau les données avec les noms de colonnes.",
                      "{name} has no header line: export the data again with its column names."),
    "src.bad_csv": ("{name} n'est pas un CSV lisible ({detail}). Exportez-le à nouveau en CSV.",
                    "{name} is not a readable CSV ({detail}). Export it again as CSV."),
    "src.bad_xlsx": ("{name} n'est pas un classeur .xlsx lisible ({detail}). Enregistrez-le en .xlsx (Excel 2007 ou plus récent) "
                     "ou exportez un CSV.",
                     "{name} is not a readable .xlsx workbook ({detail}). Save it as .xlsx (Excel 2007 or later) or export a CSV."),
    "src.no_header_row": ("{name} : aucune ligne d'en-têtes trouvée (une ligne d'au moins deux titres de colonnes), dans aucune "
                          "feuille. Mettez les titres des colonnes sur une ligne au-dessus des données.",
                          "{name}: no header row found (a row of two column titles or more) in any sheet. Put the column titles on "
                          "one row above the data."),
    "src.mapping_kind": ("{name} : le fichier de correspondance décrit un export « {described} », pas « {kind} ».",
                         "{name}: the mapping file describes a « {described} » export, not « {kind} »."),
    "src.unknown_columns": ("{name} : colonne(s) inconnue(s) {columns} (nommées dans {mapping}). En-têtes du fichier : {headers}. "
                            "Corrigez le fichier de correspondance.",
                            "{name}: unknown column(s) {columns} (named in {mapping}). The file's headers: {headers}. "
                            "Fix the mapping file."),
    "src.unknown_kind": ("{name} : nature d'export non reconnue d'après ses en-têtes ({headers}). Précisez-la avec --as ({kinds}), "
                         "ou décrivez les colonnes avec `planmkg import --init-mapping correspondance.toml {name}` "
                         "puis --mapping correspondance.toml.",
                         "{name}: the kind of export is not recognised from its headers ({headers}). Give it with --as ({kinds}), "
                         "or describe the columns with `planmkg import --init-mapping mapping.toml {name}` then --mapping mapping.toml."),
    "src.missing_columns": ("{name} : ce n'est pas un export « {kind} » reconnu : il manque {wanted}. En-têtes du fichier : {headers}. "
                            "Vérifiez --as, ou faites correspondre les colonnes : "
                            "`planmkg import --init-mapping correspondance.toml --as {kind} {name}`.",
                            "{name}: not a recognised « {kind} » export: {wanted} missing. The file's headers: {headers}. "
                            "Check --as, or map the columns: `planmkg import --init-mapping mapping.toml --as {kind} {name}`."),
    "src.bad_values": ("{name}, colonne « {header} » : {count} valeur(s) ne sont pas {what} ({lines}) : {examples}. "
                       "Corrigez-les dans l'export (ou supprimez ces lignes) puis relancez l'import.",
                       "{name}, column « {header} »: {count} value(s) are not {what} ({lines}): {examples}. "
                       "Fix them in the export (or delete those lines) and import again."),
    "src.what_numbers": ("des nombres", "numbers"),
    "src.what_amounts": ("des montants", "amounts"),
    "src.what_dates": ("des dates", "dates"),
    "src.what_months": ("des mois", "months"),
    "src.what_positive": ("des nombres positifs ou nuls", "zero or positive numbers"),
    "src.unit_line": ("lignes {shown}", "lines {shown}"),
    "src.unit_row": ("lignes du tableur {shown}", "sheet rows {shown}"),
    "src.no_rows": ("{name} n'a aucune ligne de données sous ses en-têtes : exportez à nouveau l'année voulue.",
                    "{name} has no data row under its headers: export the year you want again."),
    "src.cannot_read_mapping": ("Impossible de lire le fichier de correspondance {path} : {reason}.",
                                "Cannot read the mapping file {path}: {reason}."),
    "src.bad_toml": ("{name} : ce n'est pas un fichier de correspondance TOML valide ({detail}). Repartez de "
                     "`planmkg import --init-mapping {name}`.",
                     "{name}: not a valid TOML mapping ({detail}). Start again from `planmkg import --init-mapping {name}`."),
    "src.bad_kind": ("{origin} : kind = {kind} n'est pas une nature d'export. Choisissez parmi : {kinds}.",
                     "{origin}: kind = {kind} is not a kind of export. Use one of: {kinds}."),
    "src.bad_field": ("{origin} : [columns] {field} n'est pas un champ d'un export {kind}. Champs : {fields}.",
                      "{origin}: [columns] {field} is not a field of a {kind} export. Fields: {fields}."),
    "import.no_files": ("Aucun export donné : indiquez un ou plusieurs fichiers CSV ou XLSX à importer.",
                        "No export given: name one or more CSV or XLSX files to import."),
    "app.mapping_exists": ("{path} existe déjà : choisissez un autre nom, ou supprimez-le d'abord.",
                           "{path} already exists: choose another name, or delete it first."),
    # --- summing an export (sources/aggregate.py) -----------------------------------------------------
    "src.no_year": ("{name} : précisez l'année des données avec --year (ou l'année du plan dans Paramètres).",
                    "{name}: give the year of the data with --year (or the plan year in Settings)."),
    "src.duplicates": ("{name} : {n} lignes ont le même identifiant ({headers}) — lignes {lines} : {examples}. "
                       "Un export ne doit pas contenir de doublons : exportez-le à nouveau ou supprimez les lignes en double.",
                       "{name}: {n} lines share the same id ({headers}) — lines {lines}: {examples}. "
                       "An export must not hold duplicates: export it again or delete the duplicated lines."),
    "src.currency_at": ("{code} (ligne {line})", "{code} (line {line})"),
    "src.currencies": ("{name} : plusieurs devises dans la colonne « {column} » : {found}. Le plan est en {currency} : exportez "
                       "les montants convertis dans cette devise (ou filtrez sur une devise).",
                       "{name}: several currencies in column « {column} »: {found}. The plan is in {currency}: export the amounts "
                       "converted to it (or filter on one currency)."),
    "src.currency": ("{name} : les montants sont en {found}, le plan en {currency} (Paramètres). Exportez les montants dans la "
                     "devise du plan, ou changez la devise du plan.",
                     "{name}: the amounts are in {found}, the plan in {currency} (Settings). Export the amounts in the plan's "
                     "currency, or change the plan's currency."),
    "src.deals_note": ("{won} ventes gagnées en {year}, {opened} opportunités ouvertes.",
                       "{won} deals won in {year}, {opened} opportunities opened."),
    "src.no_won": ("Aucune vente gagnée reconnue : vérifiez les étapes « gagné » (section [values] d'un fichier de correspondance).",
                   "No won deal recognised: check the won stages ([values] section of a mapping file)."),
    "src.users_not_additive": ("Visiteurs uniques non remplis : l'export a plusieurs lignes par mois (jours ou canaux), et un même "
                               "utilisateur compté sur deux lignes reste un seul visiteur. Exportez le rapport avec la seule dimension « Mois » "
                               "pour les obtenir.",
                               "Unique visitors not filled: the export has several rows per month (days or channels), and a user counted on "
                               "two rows is still one visitor. Export the report with the « Month » dimension alone to get them."),
    "src.unmatched_metrics": ("Métriques sans KPI dans le plan (ignorées) : {metrics}.", "Metrics with no KPI in the plan (ignored): {metrics}."),
    "src.invoices_note": ("Clients : {n} ; C.A. {year} : {revenue}, dont {share} réalisé avec des clients existants.",
                          "Customers: {n}; revenue {year}: {revenue}, of which {share} from existing customers."),
    "src.bad_channel": ("{origin} : {where} = {value} n'est pas une colonne de l'onglet Canaux. Choisissez parmi : {allowed} "
                        "(ou \"skip\").",
                        "{origin}: {where} = {value} is not a column of the Canaux tab. Use one of: {allowed} (or \"skip\")."),
    "src.empty_value": ("(vide)", "(empty)"),
    "src.total_rows": ("Lignes de total ignorées : {n} ({lines}) ; leurs chiffres additionnent les autres lignes.",
                       "Total rows set aside: {n} ({lines}); their figures add up the other rows."),
    "src.sheet_read": ("Feuille « {sheet} » lue : la première n'est pas un export reconnu.",
                       "Sheet « {sheet} » read: the first one is not a recognised export."),
    "src.months_as_columns": ("Un mois par colonne ({n} mois) : lu comme une ligne par mois.",
                              "One month per column ({n} months): read as one row per month."),
    "src.converted_amounts": ("Montants lus dans la colonne « {column} », déjà convertis dans la devise de l'entreprise : la devise de "
                              "chaque ligne n'est pas vérifiée.",
                              "Amounts read from « {column} », already converted to the company's currency: each row's currency is "
                              "not checked."),
    "src.footer_rows": ("Pied de page ignoré ({lines}) : aucun chiffre après la dernière donnée.",
                        "Footer set aside ({lines}): no figure after the last record."),
    "src.channel_item": ("« {value} » {n} lignes, {amount}", "« {value} » {n} lines, {amount}"),
    "src.and_more": ("et {n} autres", "and {n} more"),
    "src.channels_skipped": ("Canaux : {n} lignes ignorées, canal vide ou inconnu — {listed}. Nommez ces canaux dans la section "
                             "[channels] d'un fichier de correspondance (planmkg import --init-mapping).",
                             "Channels: {n} lines skipped, empty or unknown channel — {listed}. Name these channels in the "
                             "[channels] section of a mapping file (planmkg import --init-mapping)."),
    "src.channels_negative": ("Canaux : montant négatif non écrit ({cells}).", "Channels: negative amount not written ({cells})."),
    # --- what the operating system said (by errno, in the user's language) ---------------------------
    "os.ENOENT": ("fichier ou dossier introuvable", "no such file or folder"),
    "os.EACCES": ("accès refusé (droits insuffisants)", "permission denied"),
    "os.EPERM": ("opération non permise", "operation not permitted"),
    "os.EISDIR": ("c'est un dossier, pas un fichier", "it is a folder, not a file"),
    "os.ENOTDIR": ("un élément du chemin n'est pas un dossier", "a part of the path is not a folder"),
    "os.ENOSPC": ("disque plein", "disk full"),
    "os.EDQUOT": ("quota de disque dépassé", "disk quota exceeded"),
    "os.EROFS": ("disque en lecture seule", "read-only disk"),
    "os.EBUSY": ("fichier occupé par un autre programme", "file busy in another program"),
    "os.ETXTBSY": ("fichier occupé par un autre programme", "file busy in another program"),
    "os.ENAMETOOLONG": ("nom de fichier trop long", "file name too long"),
    "os.EEXIST": ("le fichier existe déjà", "the file already exists"),
    "os.EMFILE": ("trop de fichiers ouverts", "too many open files"),
    "os.EIO": ("erreur de lecture ou d'écriture sur le disque", "input/output error on the disk"),
    "os.EINVAL": ("nom ou chemin invalide", "invalid name or path"),
    "os.ELOOP": ("trop de liens symboliques dans le chemin", "too many symbolic links in the path"),
    "os.EXDEV": ("déplacement impossible entre deux disques", "cannot move across disks"),
    "os.locked": ("fichier verrouillé par un autre programme (Excel ?)", "file locked by another program (Excel?)"),
    "os.other": ("erreur système {code}", "system error {code}"),
    # --- cell problems -------------------------------------------------------------------------
    "cells.many": ("{n} cellules à corriger :", "{n} cells to fix:"),
    "cells.more": ("- … et {n} de plus", "- … {n} more"),
    # --- a cell's value (io/read.py): the sheet!cell is said before it ------------------------------
    "cell.number": ("« {v} » n'est pas un nombre. Saisissez un nombre (sans unité ni texte).",
                   '“{v}” is not a number. Type a number (no unit, no text).'),
    "cell.negative": ('{v} est négatif. Un nombre ou un montant ne peut pas être négatif : corrigez la valeur.',
                     '{v} is negative. A count or an amount cannot be negative: fix the value.'),
    "cell.whole": ("{v} n'est pas un nombre entier. Saisissez un nombre entier.",
                  '{v} is not a whole number. Type a whole number.'),
    "cell.percent": ('{v} ressemble à un pourcentage saisi sans le signe % : tapez {v} % (ou {f}), pas {v}.',
                    '{v} looks like a percentage typed without the % sign: type {v} % (or {f}), not {v}.'),
    "cell.rate": ("{v} n'est pas un pourcentage entre 0 % et 100 %.",
                 '{v} is not a percentage between 0 % and 100 %.'),
    "cell.date": ("« {v} » n'est pas une date. Saisissez une date (jj/mm/aaaa).",
                 '“{v}” is not a date. Type a date (yyyy-mm-dd).'),
    "cell.choice": ("« {v} » n'est pas une valeur de la liste. Choisissez parmi : {allowed}.",
                   "“{v}” is not one of the list's values. Pick one of: {allowed}."),
    "cell.year": ("{v} n'est pas une année. Saisissez une année comme 2027.",
                 '{v} is not a year. Type a year such as 2027.'),
    "cell.error": ("la cellule affiche l'erreur {v}. Corrigez sa formule ou saisissez une valeur.",
                  'the cell shows the error {v}. Fix its formula or type a value.'),
    "cell.formula": ("la formule {v} n'a pas de valeur calculée. Ouvrez le classeur dans Excel, recalculez et enregistrez, ou saisissez une valeur.",
                    'the formula {v} has no computed value. Open the workbook in Excel, recalculate and save, or type a value.'),
    "cell.huge": ("{v} n'est pas un nombre qu'Excel peut garder (infini, non-nombre, ou au-delà de ±9,99E+307). Saisissez un nombre.",
                 '{v} is not a number Excel can keep (infinite, not a number, or beyond ±9.99E+307). Type a number.'),
    "cell.long": ('le texte fait {n} caractères ; une cellule Excel en contient au plus 32 767. Raccourcissez-le.',
                 'the text is {n} characters long; an Excel cell holds at most 32,767. Shorten it.'),
    "cell.control": ("le texte contient un caractère de contrôle (code {v}) qu'Excel ne garde pas. Retapez le texte.",
                    'the text holds a control character (code {v}) that Excel does not keep. Retype the text.'),
    "cell.string": ('la cellule renvoie à un texte partagé que le fichier ne contient pas (fichier endommagé). Retapez la cellule, ou ouvrez le classeur dans Excel et enregistrez-le.',
                   'the cell refers to a shared text the file does not hold (damaged file). Retype the cell, or open the workbook in Excel and save it again.'),
}
