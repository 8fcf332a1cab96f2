"""The Accueil (home) sheet: what the workbook is, how to fill it, what the ribbon does."""
from __future__ import annotations

from openpyxl.styles import Font

from ..core.layout import Layout
from ..model.schema import HOME_CODENAME, SHEETS
from . import styles as st

_TEXT = {
    "fr": {
        "title": "Plan Marketing Opérationnel B to B",
        "what": "Ce classeur rassemble le plan marketing de l'année N : les six onglets d'indicateurs (année N-1), "
                "les objectifs, le budget, les KPI et la stratégie. Il alimente la présentation « Executive Summary » "
                "pour le comité de direction.",
        "how_title": "Comment le remplir",
        "how": [
            "1. Renseignez l'onglet Paramètres (entreprise, année du plan).",
            "2. Remplissez les cellules de saisie : texte bleu sur fond jaune pâle. Les objectifs N sont sur fond vert.",
            "3. Les cellules grises sont calculées : ne les saisissez pas (elles sont verrouillées ; "
            "Révision > Ôter la protection, sans mot de passe, pour ajouter des lignes).",
            "4. Les définitions de chaque colonne sont dans les commentaires des en-têtes.",
            "5. Cliquez sur Recalculer puis Vérifier la cohérence dans l'onglet « Plan Marketing » du ruban.",
        ],
        "ribbon_title": "Le ruban « Plan Marketing »",
        "ribbon": [
            "Recalculer : réécrit les formules des cellules calculées (et répare celles qui ont été écrasées).",
            "Vérifier la cohérence : entonnoir inversé, budget, benchmarks, objectifs SMART, contrôles de saisie.",
            "Importer… : remplit les onglets depuis vos exports (CRM, analytics, emailing, factures) et coche la liste des données ci-contre.",
            "Revue mensuelle : chaque KPI face à son rythme attendu, prévision de fin d'année et courte présentation de revue.",
            "Générer / Mettre à jour la présentation : le deck PowerPoint à côté du classeur.",
            "Exporter (JSON) : le plan au format JSON. Aide : le mode d'emploi.",
        ],
        "legend_title": "Légende",
        "legend": [("Saisie N-1", "input"), ("Objectif N", "target"), ("Calculé", "derived")],
        "tabs_title": "Onglets",
        "cli": "Sans Excel : planmkg recompute | check | deck | review | export (voir le README).",
    },
    "en": {
        "title": "B2B Operational Marketing Plan",
        "what": "This workbook holds the marketing plan for year N: the six KPI tabs (year N-1), the objectives, the "
                "budget, the KPIs and the strategy. It feeds the executive-summary deck for the executive committee.",
        "how_title": "How to fill it in",
        "how": [
            "1. Fill in the Settings tab (company, plan year).",
            "2. Type in the input cells: blue text on pale yellow. Year-N targets are on green.",
            "3. Grey cells are calculated: do not type in them (they are locked; Review > Unprotect Sheet, no "
            "password, to add rows).",
            "4. Each column's definition is in its header's comment.",
            "5. Click Recompute then Check in the ribbon's “Plan Marketing” tab.",
        ],
        "ribbon_title": "The “Plan Marketing” ribbon",
        "ribbon": [
            "Recompute: rewrites the calculated cells' formulas (and repairs overwritten ones).",
            "Check: reverse funnel, budget, benchmarks, SMART objectives, data sanity.",
            "Import…: fills the tabs from your exports (CRM, analytics, emailing, invoices) and ticks the data checklist on the right.",
            "Monthly review: each KPI against its expected pace, year-end forecast and a short review deck.",
            "Build / Update deck: the PowerPoint deck next to the workbook.",
            "Export (JSON): the plan as JSON. Help: the user guide.",
        ],
        "legend_title": "Legend",
        "legend": [("Input N-1", "input"), ("Target N", "target"), ("Calculated", "derived")],
        "tabs_title": "Tabs",
        "cli": "Without Excel: planmkg recompute | check | deck | review | export (see the README).",
    },
}
_FILLS = {"input": (st.INPUT_FILL, st.INPUT_FONT), "target": (st.TARGET_FILL, st.INPUT_FONT), "derived": (st.DERIVED_FILL, st.DERIVED_FONT)}


def write_home(ws, layout: Layout, lang: str) -> None:
    t = _TEXT[lang]
    ws.sheet_view.showGridLines = False
    ws.column_dimensions["A"].width = 3
    ws.column_dimensions["B"].width = 72
    ws.column_dimensions["C"].width = 3
    ws["B2"] = t["title"]
    ws["B2"].font = st.TITLE_FONT
    ws["B4"] = t["what"]
    ws["B4"].alignment = st.TEXT_ALIGN
    _fit(ws, 4, t["what"])
    row = 6
    for heading, lines in ((t["how_title"], t["how"]), (t["ribbon_title"], t["ribbon"])):
        ws.cell(row, 2, heading).font = st.BLOCK_FONT
        row += 1
        for line in lines:
            ws.cell(row, 2, line).alignment = st.TEXT_ALIGN
            _fit(ws, row, line)
            row += 1
        row += 1
    ws.cell(row, 2, t["legend_title"]).font = st.BLOCK_FONT
    row += 1
    for label, kind in t["legend"]:
        cell = ws.cell(row, 2, label)
        cell.fill, cell.font = _FILLS[kind]
        cell.border = st.CELL_BORDER
        row += 1
    row += 1
    ws.cell(row, 2, t["tabs_title"]).font = st.BLOCK_FONT
    row += 1
    for sheet in SHEETS:
        if sheet.codename == HOME_CODENAME:
            continue
        title = layout.sheet_titles[sheet.key]
        cell = ws.cell(row, 2, f"{title} — {sheet.intro(lang)}")
        cell.alignment = st.TEXT_ALIGN
        _fit(ws, row, cell.value)
        cell.hyperlink = f"#'{title}'!A1"
        cell.font = Font(name="Calibri", size=10, color="0563C1", underline="single")
        row += 1
    row += 1
    ws.cell(row, 2, t["cli"]).font = st.INTRO_FONT
    st.fit_to_page_width(ws)
    ws.protection.sheet = True
    for option in ("formatColumns", "formatRows", "insertRows", "deleteRows", "sort", "autoFilter"):  # as the plan sheets
        setattr(ws.protection, option, False)


def _fit(ws, row: int, text: str) -> None:
    """Tall enough for this text and for whatever the tables on the right put in the same row."""
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, _height(text))


def _height(text: str, chars_per_line: int = 76) -> float:
    """Row height for wrapped text in column B (openpyxl cannot autofit)."""
    return 14.0 * max(1, -(-len(text) // chars_per_line)) + 1
