"""The command line's help pages, in French and in English, in one place.

Why a catalogue of its own: ``--help`` is the first thing a new user reads, before any
workbook says which language to speak, so it follows ``--lang`` (anywhere on the command
line), then ``PLANMKG_LANG`` and the machine's locale. Keeping each page here, French and
English side by side, lets a test prove every command and option has both, and keeps
click's own words (« Usage: », « Options », its usage errors) in the same voice: the
classes in ``helptext.py`` render them from here.

Keys: ``cmd:<command path>`` (``cmd:`` is the root, ``cmd:excel setup`` a sub-command) for a
page — prose, then ``Example:`` lines kept verbatim; ``opt:<command path> <first option
name>`` for an option; ``click:…`` for click's own words and usage errors; ``metavar:…`` for
the capitalised names of values (PATH, FILE…). Plain spaces before « : » like
``messages.py``; the renderer makes them non-breaking.
"""
from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # --- the pages --------------------------------------------------------------------------------------
    "cmd:": (
        "planmkg — le classeur du plan marketing B2B, ses contrôles de cohérence et sa présentation pour le comité de direction.\n\n"
        "Example: planmkg demo --out demo",
        "planmkg — the B2B marketing plan workbook, its checks and its executive deck.\n\n"
        "Example: planmkg demo --out demo"),
    "cmd:new": (
        "Crée un classeur de plan (.xlsm) avec son ruban.\n\n"
        "Avec --from, les libellés suivent --lang (par défaut : la langue du plan) ; les textes du plan sont gardés "
        "tels quels, et la commande le signale quand leur langue diffère.\n\n"
        "Example: planmkg new --lang en Plan_Marketing.xlsm\n"
        "Example: planmkg new --from plan.json Plan_Marketing.xlsm\n"
        "Example: planmkg new --lang en --from plan.json Plan_Marketing.xlsm",
        "Create a plan workbook (.xlsm) with its ribbon.\n\n"
        "With --from, the labels follow --lang (default: the plan's language); the plan's own texts are kept as they "
        "are, and the command says so when their language differs.\n\n"
        "Example: planmkg new --lang en Plan_Marketing.xlsm\n"
        "Example: planmkg new --from plan.json Plan_Marketing.xlsm\n"
        "Example: planmkg new --lang en --from plan.json Plan_Marketing.xlsm"),
    "cmd:demo": (
        "Construit le plan de démonstration (une PME industrielle B2B française, tous les onglets remplis) : son "
        "classeur, sa présentation et ses contrôles.\n\n"
        "Écrit DOSSIER/Plan_Marketing.xlsm et DOSSIER/Plan_Marketing.pptx, puis affiche les constats de cohérence. "
        "Avec --lang en, libellés et contenu sont en anglais.\n\n"
        "Example: planmkg demo --out demo\n"
        "Example: planmkg demo --out demo-en --lang en",
        "Build the demo plan (a French B2B SME, every tab filled): its workbook, its deck and its checks.\n\n"
        "Writes DIRECTORY/Plan_Marketing.xlsm and DIRECTORY/Plan_Marketing.pptx, and prints the coherence findings. "
        "With --lang en, labels and content are in English.\n\n"
        "Example: planmkg demo --out demo\n"
        "Example: planmkg demo --out demo-en --lang en"),
    "cmd:export": (
        "Exporte les saisies du plan en JSON (voir `planmkg schema`).\n\n"
        "Example: planmkg export Plan_Marketing.xlsm --json plan.json",
        "Export the plan's inputs as JSON (see `planmkg schema`).\n\n"
        "Example: planmkg export Plan_Marketing.xlsm --json plan.json"),
    "cmd:recompute": (
        "Réécrit chaque cellule calculée, répare les formules écrasées et met à jour l'onglet Contrôles.\n\n"
        "Les cellules de saisie ne sont jamais modifiées et le reste du fichier reste tel quel. Une cellule qui a pu "
        "être saisie à la main est laissée telle quelle et signalée.\n\n"
        "Example: planmkg recompute Plan_Marketing.xlsm\n"
        "Example: planmkg recompute Plan_Marketing.xlsm --verbose",
        "Rewrite every calculated cell, repair overwritten formulas, refresh the Contrôles sheet.\n\n"
        "Input cells are never changed and every other part of the file stays as it is. A cell that may have been "
        "typed is left alone and reported.\n\n"
        "Example: planmkg recompute Plan_Marketing.xlsm\n"
        "Example: planmkg recompute Plan_Marketing.xlsm --verbose"),
    "cmd:import": (
        "Remplit le plan depuis vos exports de CRM, d'analytics, d'emailing et de facturation (CSV ou XLSX) : "
        "PLAN.xlsm FICHIER...\n\n"
        "Natures : deals, leads, web, emailing, events, spend, invoices, kpi-actuals — reconnues d'après les en-têtes "
        "(HubSpot, Salesforce, Pipedrive, GA4, Brevo, Mailchimp ou en-têtes génériques en français ou en anglais), "
        "ou indiquées avec --as. Seules les cellules de saisie sont écrites ; une valeur que vous avez saisie et qui "
        "diffère est un conflit : elle est gardée, sauf avec --replace.\n\n"
        "Example: planmkg import Plan_Marketing.xlsm hubspot-deals.csv ga4.csv brevo.csv --dry-run\n"
        "Example: planmkg import --init-mapping mapping.toml --as invoices factures.csv",
        "Fill the plan from CRM, analytics, emailing and invoicing exports (CSV or XLSX): PLAN.xlsm FILE...\n\n"
        "Kinds: deals, leads, web, emailing, events, spend, invoices, kpi-actuals — detected from the headers "
        "(HubSpot, Salesforce, Pipedrive, GA4, Brevo, Mailchimp or French/English generic headers), or given with "
        "--as. Only input cells are written; a value you typed that differs is a conflict, kept unless --replace.\n\n"
        "Example: planmkg import Plan_Marketing.xlsm hubspot-deals.csv ga4.csv brevo.csv --dry-run\n"
        "Example: planmkg import --init-mapping mapping.toml --as invoices factures.csv"),
    "cmd:check": (
        "Vérifie que les objectifs du plan tiennent ensemble (entonnoir inversé, budget, benchmarks, SMART, données).\n\n"
        "N'écrit jamais dans le fichier. Code de sortie 0 : rien n'atteint --fail-on ; 1 : des constats l'atteignent ; "
        "2 : le fichier a un problème.\n\n"
        "Example: planmkg check Plan_Marketing.xlsm --fail-on warning",
        "Check that the plan's objectives hold together (reverse funnel, budget, benchmarks, SMART, data).\n\n"
        "Never writes to the file. Exit code 0: nothing reaches --fail-on; 1: findings do; 2: the file has a problem.\n\n"
        "Example: planmkg check Plan_Marketing.xlsm --fail-on warning"),
    "cmd:rules": (
        "Liste chaque règle de cohérence : son identifiant, ses gravités, ce qu'elle vérifie et sa source (détails : "
        "docs/rules.md).\n\n"
        "Example: planmkg rules --lang en --format markdown > docs/rules.md",
        "List every coherence rule: id, severities, what it checks and its source (details: docs/rules.md).\n\n"
        "Example: planmkg rules --lang en --format markdown > docs/rules.md"),
    "cmd:deck": (
        "Génère (ou met à jour sur place) la présentation du comité depuis le classeur.\n\n"
        "La présentation : une page de titre, les dix diapositives de la synthèse (chacune titrée par sa conclusion), "
        "puis une annexe avec les diapositives de situation. Avec --update, un titre que vous avez changé reste le "
        "vôtre, et les diapositives ou formes générées que vous avez supprimées le restent.\n\n"
        "Example: planmkg deck Plan_Marketing.xlsm --output Plan_Marketing.pptx --pdf\n"
        "Example: planmkg deck Plan_Marketing.xlsm --update Plan_Marketing.pptx",
        "Generate (or update in place) the committee deck from the workbook.\n\n"
        "The deck: a title slide, the ten Executive Summary slides (each titled by its conclusion), then an appendix "
        "with the situation slides. With --update, a title you changed stays yours, and generated slides or shapes you "
        "deleted stay deleted.\n\n"
        "Example: planmkg deck Plan_Marketing.xlsm --output Plan_Marketing.pptx --pdf\n"
        "Example: planmkg deck Plan_Marketing.xlsm --update Plan_Marketing.pptx"),
    "cmd:review": (
        "Revue mensuelle : le réalisé de chaque KPI face au rythme attendu, la prévision de fin d'année, le statut ; "
        "le budget dépensé face au plan.\n\n"
        "Le rythme est saisonnier quand les onglets contiennent le profil mensuel de l'an dernier (mois du Web, leads "
        "datés), linéaire sinon. Lit le classeur sans jamais l'écrire ; écrit une courte présentation de revue "
        "(3 à 5 diapositives).\n\n"
        "Example: planmkg review Plan_Marketing.xlsm --month 2026-09 --output Revue_septembre.pptx",
        "Monthly review: each KPI's actual against its expected pace, year-end forecast, status; budget spent vs plan.\n\n"
        "The pace is seasonal when the tabs hold last year's monthly profile (Web months; dated leads), else linear. "
        "Reads the workbook, never writes to it; writes a short review deck (3–5 slides).\n\n"
        "Example: planmkg review Plan_Marketing.xlsm --month 2026-09 --output Revue_septembre.pptx"),
    "cmd:schema": (
        "Affiche le schéma JSON d'un fichier de plan.\n\n"
        "Example: planmkg schema --out plan.schema.json",
        "Print the JSON Schema of a plan file.\n\n"
        "Example: planmkg schema --out plan.schema.json"),
    "cmd:excel": (
        "Intégration Excel : permettre au ruban de trouver Python, réparer les macros du classeur.\n\n"
        "Example: planmkg excel setup",
        "Excel integration: make the ribbon find Python, repair the workbook's macros.\n\n"
        "Example: planmkg excel setup"),
    "cmd:excel setup": (
        "Indique à xlwings (votre xlwings.conf d'utilisateur) de lancer le ruban avec ce Python et planmkg_xl.\n\n"
        "À lancer une fois par machine, après l'installation de planmkg_xl (voir « Install » dans le README), avec le "
        "Python qui a le paquet. Les réglages que vous avez faits vous-même sont gardés (voir --force) ; sur Mac, la "
        "commande fait aussi ce que fait `xlwings runpython install`.\n\n"
        "Example: planmkg excel setup\n"
        "Example: planmkg excel setup --udfs --workbook Plan_Marketing.xlsm",
        "Tell xlwings (your user xlwings.conf) to run the ribbon with this Python and planmkg_xl.\n\n"
        "Run it once per machine, after installing planmkg_xl (see the README's Install), with the Python that has the "
        "package. Settings you set yourself are kept (see --force); on Mac it also does what `xlwings runpython install` "
        "does.\n\n"
        "Example: planmkg excel setup\n"
        "Example: planmkg excel setup --udfs --workbook Plan_Marketing.xlsm"),
    "cmd:excel repair": (
        "Réimporte les modules VBA du classeur par Excel lui-même (Windows, Excel installé).\n\n"
        "À utiliser quand Excel dit que les macros sont abîmées ou que les boutons du ruban ne font rien. Demande "
        "« Accès approuvé au modèle d'objet du projet VBA » (Excel > Options > Centre de gestion de la confidentialité > "
        "Paramètres des macros) ; fermez d'abord le classeur.\n\n"
        "Example: planmkg excel repair Plan_Marketing.xlsm",
        "Re-import the workbook's VBA modules through Excel itself (Windows, Excel installed).\n\n"
        "Use it when Excel says the macros are damaged or the ribbon's buttons do nothing. Needs « Trust access to the "
        "VBA project object model » (Excel > Options > Trust Center > Macro Settings); close the workbook first.\n\n"
        "Example: planmkg excel repair Plan_Marketing.xlsm"),
    # --- the options -------------------------------------------------------------------------------------
    "opt:new --lang": ("Langue des libellés et des messages [par défaut : fr, ou celle du plan avec --from].",
                       "Language of labels and messages [default: fr, or the plan's with --from]."),
    "opt:new --from": ("Le remplir depuis un plan JSON.", "Fill it from a JSON plan."),
    "opt:new --force": ("Remplacer CHEMIN s'il existe.", "Replace PATH if it exists."),
    "opt:demo --out": ("Dossier du classeur de démonstration.", "Folder for the demo workbook."),
    "opt:demo --lang": ("Langue des libellés et du contenu.", "Language of labels and content."),
    "opt:demo --force": ("Remplacer le classeur et la présentation de démonstration s'ils existent.",
                         "Replace the demo workbook and deck if they exist."),
    "opt:export --json": ("Où écrire le plan JSON.", "Where to write the JSON plan."),
    "opt:recompute --output": ("Écrire le résultat ici au lieu de remplacer CHEMIN.", "Write the result here instead of replacing PATH."),
    "opt:recompute --force": ("Remplacer --output s'il existe.", "Replace --output if it exists."),
    "opt:recompute --verbose": ("Lister chaque cellule étendue, réparée ou laissée telle quelle.",
                                "List every cell extended, repaired or left alone."),
    "opt:import --as": ("Nature de l'export (reconnue d'après les en-têtes si vous ne la donnez pas).",
                        "Kind of export (detected from the headers when omitted)."),
    "opt:import --mapping": ("Votre correspondance de colonnes (TOML), pour un export qu'aucun modèle ne connaît.",
                             "Your column mapping (TOML) for an export no preset knows."),
    "opt:import --year": ("Année des chiffres (par défaut : N-1 du plan ; N pour kpi-actuals).",
                          "Year the figures belong to (default: N-1 of the plan; N for kpi-actuals)."),
    "opt:import --dry-run": ("Afficher les changements sans rien écrire.", "Print the changes and write nothing."),
    "opt:import --replace": ("Remplacer les valeurs déjà saisies qui diffèrent (sinon, les conflits sont gardés).",
                             "Overwrite values already typed that differ (conflicts are kept otherwise)."),
    "opt:import --detail": ("Avec invoices : ajouter un onglet par client (récence, fréquence, valeur, segment).",
                            "With invoices: add a per-customer sheet (recency, frequency, value, segment)."),
    "opt:import --output": ("Écrire le résultat ici au lieu de remplacer PLAN.", "Write the result here instead of replacing PLAN."),
    "opt:import --force": ("Avec --output : remplacer ce fichier s'il existe.", "With --output: replace that file if it exists."),
    "opt:import --init-mapping": ("Écrire un fichier de correspondance prêt à compléter (prérempli d'après l'export donné, "
                                  "s'il y en a un), puis s'arrêter.",
                                  "Write a mapping file ready to edit (pre-filled from the export given, if any) and stop."),
    "opt:check --format": ("Forme du résultat : un tableau à lire, ou du JSON pour un autre programme.",
                           "Shape of the result: a table to read, or JSON for another program."),
    "opt:check --fail-on": ("Sortir avec le code 1 quand un constat atteint cette gravité.",
                            "Exit with code 1 when a finding reaches this severity."),
    "opt:rules --lang": ("Langue de la liste [par défaut : celle de la machine].", "Language of the list [default: the machine's]."),
    "opt:rules --format": ("markdown : le document dont docs/rules.md est tiré (pourquoi, formule et source de chaque règle).",
                           "markdown: the document docs/rules.md is generated from (why, formula and source of each rule)."),
    "opt:deck --output": ("La présentation à écrire (par défaut : CHEMIN avec l'extension .pptx).",
                          "The deck to write (default: PATH with .pptx)."),
    "opt:deck --template": ("Votre modèle d'entreprise (.pptx/.potx).", "Your corporate template (.pptx/.potx)."),
    "opt:deck --lang": ("Langue de la présentation (par défaut : celle du classeur).", "Language of the deck (default: the workbook's)."),
    "opt:deck --update": ("Mettre à jour sur place cette présentation existante, en gardant vos retouches.",
                          "Refresh this existing deck in place, keeping your edits."),
    "opt:deck --force": ("Remplacer la présentation de sortie si elle existe (--update garde plutôt vos retouches).",
                         "Replace the output deck if it exists (--update keeps your edits instead)."),
    "opt:deck --pdf": ("Écrire aussi un PDF à côté de la présentation (demande LibreOffice).",
                       "Also write a PDF next to the deck (needs LibreOffice)."),
    "opt:deck --png": ("Écrire aussi une image PNG par diapositive dans ce dossier (demande LibreOffice).",
                       "Also write one PNG per slide here (needs LibreOffice)."),
    "opt:deck --no-appendix": ("Laisser de côté l'annexe (les diapositives de situation après la synthèse).",
                               "Leave out the appendix (the situation slides after the Executive Summary)."),
    "opt:deck --with-checks": ("Ajouter les constats de cohérence en dernière diapositive de l'annexe.",
                               "Add the coherence findings as the last appendix slide."),
    "opt:review --month": ("Le mois revu, AAAA-MM (par défaut : le dernier mois qui a un réalisé).",
                           "The month reviewed, YYYY-MM (default: the latest month with an actual)."),
    "opt:review --output": ("La présentation de revue (par défaut : à côté de CHEMIN, Plan_revue_MM.pptx ; "
                            "Plan_review_MM.pptx en anglais).",
                            "The review deck (default: next to PATH, Plan_revue_MM.pptx; Plan_review_MM.pptx in English)."),
    "opt:review --force": ("Remplacer la présentation de revue si elle existe.", "Replace the review deck if it exists."),
    "opt:review --no-deck": ("Afficher la revue seulement, sans écrire de présentation.", "Print the review only; write no deck."),
    "opt:review --template": ("Votre modèle d'entreprise (.pptx/.potx).", "Your corporate template (.pptx/.potx)."),
    "opt:review --pdf": ("Écrire aussi un PDF à côté de la présentation (demande LibreOffice).",
                         "Also write a PDF next to the deck (needs LibreOffice)."),
    "opt:schema --out": ("Écrire le schéma dans ce fichier au lieu de l'afficher.", "Write the schema to this file instead of printing it."),
    "opt:excel setup --workbook": ("Vérifier aussi, dans le dossier de ce classeur, qu'aucun xlwings.conf ne l'emporte sur "
                                   "les réglages.",
                                   "Also check this workbook's folder for an xlwings.conf that would override the settings."),
    "opt:excel setup --force": ("Remplacer les réglages que vous avez faits vous-même (INTERPRETER_WIN, USE UDF SERVER…).",
                                "Replace settings you set yourself (INTERPRETER_WIN, USE UDF SERVER…)."),
    "opt:excel setup --udf-server": ("Garder Python lancé entre deux clics (Windows). Par défaut : activé là où c'est sûr.",
                                     "Keep Python running between clicks (Windows). Default: on where it is safe."),
    "opt:excel setup --udfs": ("Ajouter aussi planmkg_xl.excel.udfs aux UDF MODULES (fonctions de feuille, Windows).",
                               "Also list planmkg_xl.excel.udfs in UDF MODULES (worksheet functions, Windows)."),
    # --- click's own words -----------------------------------------------------------------------------------
    "click:usage": ("Utilisation :", "Usage:"),
    "click:heading": ("{heading} :", "{heading}:"),
    "click:options": ("Options", "Options"),
    "click:commands": ("Commandes", "Commands"),
    "click:example": ("Exemple :", "Example:"),
    "click:help": ("Afficher cette aide et quitter.", "Show this message and exit."),
    "click:version": ("Afficher la version et quitter.", "Show the version and exit."),
    "click:default": ("par défaut : {default}", "default: {default}"),
    "click:required": ("obligatoire", "required"),
    "click:options_metavar": ("[OPTIONS]", "[OPTIONS]"),
    "click:subcommand_metavar": ("COMMANDE [ARGUMENTS]...", "COMMAND [ARGS]..."),
    "click:try": ("Pour l'aide : « {command} {option} ».", "Try '{command} {option}' for help."),
    "click:error": ("Erreur : {message}", "Error: {message}"),
    # click's usage errors, said again in the user's language (helptext.misuse); placeholders as click names them
    "click:missing_argument": ("Argument manquant : {param}.", "Missing argument {param}."),
    "click:missing_option": ("Option manquante : {param}.", "Missing option {param}."),
    "click:missing_parameter": ("Paramètre manquant : {param}.", "Missing parameter {param}."),
    "click:no_such_option_hint": ("Option inconnue : {name}. Vouliez-vous dire {possibility} ?",
                                  "No such option {name}. Did you mean {possibility}?"),
    "click:no_such_option_hints": ("Option inconnue : {name}. (Vouliez-vous dire l'une de celles-ci : {possibilities} ?)",
                                   "No such option {name}. (Did you mean one of: {possibilities}?)"),
    "click:no_such_option": ("Option inconnue : {name}.", "No such option {name}."),
    "click:no_such_command_hint": ("Commande inconnue : {name}. Vouliez-vous dire {possibility} ?",
                                   "No such command {name}. Did you mean {possibility}?"),
    "click:no_such_command_hints": ("Commande inconnue : {name}. (Vouliez-vous dire l'une de celles-ci : {possibilities} ?)",
                                    "No such command {name}. (Did you mean one of: {possibilities}?)"),
    "click:no_such_command": ("Commande inconnue : {name}.", "No such command {name}."),
    "click:invalid_value": ("Valeur invalide pour {param} : {message}", "Invalid value for {param}: {message}"),
    "click:invalid_value_bare": ("Valeur invalide : {message}", "Invalid value: {message}"),
    "click:missing_command": ("Commande manquante.", "Missing command."),
    "click:extra_argument": ("Argument en trop : {args}", "Got unexpected extra argument ({args})"),
    "click:extra_arguments": ("Arguments en trop : {args}", "Got unexpected extra arguments ({args})"),
    "click:no_value": ("L'option {name} ne prend pas de valeur.", "Option {name} does not take a value."),
    "click:requires_argument": ("L'option {name} demande une valeur.", "Option {name} requires an argument."),
    "click:requires_arguments": ("L'option {name} demande {nargs} valeurs.", "Option {name} requires {nargs} arguments."),
    "click:not_one_of": ("{value} ne fait pas partie des choix possibles : {choices}.", "{value} is not one of {choices}."),
    "click:not_choice": ("{value} n'est pas {choice}.", "{value} is not {choice}."),
    "click:not_in_range": ("{value} n'est pas dans l'intervalle {range}.", "{value} is not in the range {range}."),
    "click:not_number": ("{value} n'est pas un {number_type} valide.", "{value} is not a valid {number_type}."),
    "click:does_not_exist": ("{name} {filename} n'existe pas.", "{name} {filename} does not exist."),
    "click:is_a_file": ("{name} {filename} est un fichier.", "{name} {filename} is a file."),
    "click:is_a_directory": ("{name} {filename} est un dossier.", "{name} {filename} is a directory."),
    "click:not_readable": ("{name} {filename} n'est pas lisible.", "{name} {filename} is not readable."),
    "click:not_writable": ("{name} {filename} n'est pas modifiable.", "{name} {filename} is not writable."),
    "click:file": ("Le fichier", "File"),
    "click:directory": ("Le dossier", "Directory"),
    "click:path": ("Le chemin", "Path"),
    "click:integer": ("nombre entier", "integer"),
    "click:integer range": ("nombre entier", "integer range"),
    "click:float range": ("nombre", "float range"),
    "click:float": ("nombre", "float"),
    # --- the capitalised names of values in usage lines and option lists --------------------------------------
    "metavar:PATH": ("CHEMIN", "PATH"),
    "metavar:FILE": ("FICHIER", "FILE"),
    "metavar:DIRECTORY": ("DOSSIER", "DIRECTORY"),
    "metavar:TEXT": ("TEXTE", "TEXT"),
    "metavar:INTEGER RANGE": ("ENTIER", "INTEGER RANGE"),
    "metavar:ARGS": ("ARGUMENTS", "ARGS"),
}
